import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type FlowSimulation,
  type FlowSimulationRequest,
  flowSimulationRequestSchema,
  flowSimulationSchema,
} from '@baton/api-contract';
import { FlowEditors, flowIdParam } from './flow-route-params';
import { FlowSimulationService } from './flow-simulation.service';

@ApiTags('flows')
@Controller('api/v1/flows')
export class FlowSimulationController {
  constructor(@Inject(FlowSimulationService) private readonly simulator: FlowSimulationService) {}

  /** Walks the draft for a made-up lead with the current roster; changes nothing. */
  @FlowEditors()
  @Post(':id/simulate')
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: flowSimulationSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  simulate(
    @Param('id', flowIdParam) id: string,
    @Body({ schema: flowSimulationRequestSchema }) body: FlowSimulationRequest,
  ): Promise<FlowSimulation> {
    return this.simulator.simulate(id, body);
  }
}
