import { Controller, Get, Inject } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { nodeCatalogueSchema, type NodeTypeDescriptionView } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { describeCatalogue, nodeCategories, type NodeCategory } from '@baton/flow';
import { loadWorkerActivities, type RegisteredActivity } from './worker-activities';

/** A registered plugin activity as a palette entry: the `custom` node, preset to that activity. */
const customVariant = (
  custom: NodeTypeDescriptionView,
  a: RegisteredActivity,
): NodeTypeDescriptionView => ({
  ...custom,
  title: a.title,
  description: a.description,
  // The worker wrote it; a category this version of Baton does not know goes under integration.
  category: (nodeCategories as readonly string[]).includes(a.category)
    ? (a.category as NodeCategory)
    : 'integration',
  available: true,
  handles: a.handles,
  defaultConfig: { activity: a.name, version: a.version, input: {} },
  activity: {
    name: a.name,
    version: a.version,
    handles: a.handles,
    inputSchema: a.inputSchema,
    plugin: a.plugin,
  },
});

/** The node palette and config forms of the canvas. Registered before FlowsController's `:id`. */
@ApiTags('flows')
@Controller('api/v1/flows/catalogue')
export class FlowCatalogueController {
  private readonly catalogue = describeCatalogue() as NodeTypeDescriptionView[];

  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** The built-in node types, then one entry per activity the workers registered. */
  @Get()
  @ApiResponse({ status: 200, standardSchema: nodeCatalogueSchema })
  async list(): Promise<NodeTypeDescriptionView[]> {
    const custom = this.catalogue.find((n) => n.type === 'custom');
    const activities = await loadWorkerActivities(this.db);
    return custom
      ? [...this.catalogue, ...activities.map((a) => customVariant(custom, a))]
      : this.catalogue;
  }
}
