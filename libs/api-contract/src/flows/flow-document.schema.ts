import { z } from 'zod';
import { flowGraphSchema } from '@baton/flow';
import {
  flowDescriptionSchema,
  flowDetailSchema,
  flowNameSchema,
  flowVersionNumberSchema,
} from './flow.schema';
import { graphProblemSchema } from './graph-problem.schema';

export const FLOW_DOCUMENT_KIND = 'baton.flow';
export const FLOW_DOCUMENT_VERSION = 1;

/** A flow as a portable JSON file (export from one install, import into another). */
export const flowDocumentSchema = z
  .object({
    kind: z.literal(FLOW_DOCUMENT_KIND),
    version: z.literal(FLOW_DOCUMENT_VERSION),
    name: flowNameSchema,
    description: flowDescriptionSchema,
    graph: flowGraphSchema,
    exportedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'FlowDocument' });
export type FlowDocument = z.infer<typeof flowDocumentSchema>;

/** What import accepts: a flow document; description and exportedAt may be left out. */
export const flowImportSchema = flowDocumentSchema
  .extend({
    description: flowDescriptionSchema.default(''),
    exportedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .meta({ id: 'FlowImport' });
export type FlowImport = z.infer<typeof flowImportSchema>;

export const flowImportResultSchema = z
  .object({
    flow: flowDetailSchema,
    /**
     * Problems of the imported graph, ids of schedules, people and teams that do not exist in
     * this install among them: fix them on the canvas before publishing.
     */
    warnings: z.array(graphProblemSchema),
  })
  .meta({ id: 'FlowImportResult' });
export type FlowImportResult = z.infer<typeof flowImportResultSchema>;

export const flowExportQuerySchema = z
  .object({
    /** A published version's number; the draft when left out. */
    version: flowVersionNumberSchema.optional(),
  })
  .strict();
export type FlowExportQuery = z.infer<typeof flowExportQuerySchema>;
