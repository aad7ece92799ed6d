import { Controller, Get } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { nodeCatalogueSchema } from '@baton/api-contract';
import { describeCatalogue, type NodeTypeDescription } from '@baton/flow';

/** The node palette and config forms of the canvas. Registered before FlowsController's `:id`. */
@ApiTags('flows')
@Controller('api/v1/flows/catalogue')
export class FlowCatalogueController {
  private readonly catalogue = describeCatalogue();

  @Get()
  @ApiResponse({ status: 200, standardSchema: nodeCatalogueSchema })
  list(): NodeTypeDescription[] {
    return this.catalogue;
  }
}
