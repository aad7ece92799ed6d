import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  apiErrorSchema,
  type CurrentUser,
  type FlowDocument,
  flowDocumentSchema,
  type FlowExportQuery,
  flowExportQuerySchema,
  type FlowImport,
  type FlowImportResult,
  flowImportResultSchema,
  flowImportSchema,
} from '@baton/api-contract';
import { CurrentUserParam } from '../auth/auth.decorators';
import { flowDocumentFileName, toFlowDocument } from './flow-document';
import { FlowReadService } from './flow-read.service';
import { FlowEditors, flowIdParam } from './flow-route-params';
import { FlowWriteService } from './flow-write.service';

/** Flows as portable JSON files: export one, import it elsewhere as a new draft. */
@ApiTags('flows')
@Controller('api/v1/flows')
export class FlowDocumentController {
  constructor(
    @Inject(FlowReadService) private readonly read: FlowReadService,
    @Inject(FlowWriteService) private readonly write: FlowWriteService,
  ) {}

  @Get(':id/export')
  @ApiResponse({
    status: 200,
    description: 'The draft (or `?version=N`) as a download',
    standardSchema: flowDocumentSchema,
  })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  async export(
    @Param('id', flowIdParam) id: string,
    @Query({ schema: flowExportQuerySchema }) query: FlowExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FlowDocument> {
    const draft = await this.read.draft(id);
    const graph = query.version
      ? (await this.read.version(id, query.version)).graph
      : draft.draftGraph;
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${flowDocumentFileName(draft.name, query.version)}"`,
    );
    return toFlowDocument({ name: draft.name, description: draft.description, graph }, new Date());
  }

  @FlowEditors()
  @Post('import')
  @ApiResponse({
    status: 201,
    description: 'A new draft flow; ids that do not exist here come back as warnings',
    standardSchema: flowImportResultSchema,
  })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  importDocument(
    @Body({ schema: flowImportSchema }) body: FlowImport,
    @CurrentUserParam() user: CurrentUser,
  ): Promise<FlowImportResult> {
    return this.write.importDocument(body, user);
  }
}
