import { Module } from '@nestjs/common';
import { FlowBacktestController } from './flow-backtest.controller';
import { FlowBacktestService } from './flow-backtest.service';
import { FlowCatalogueController } from './flow-catalogue.controller';
import { FlowDocumentController } from './flow-document.controller';
import { FlowNodeStatsService } from './flow-node-stats.service';
import { FlowPublishService } from './flow-publish.service';
import { FlowReadService } from './flow-read.service';
import { FlowSimulationController } from './flow-simulation.controller';
import { FlowSimulationService } from './flow-simulation.service';
import { FlowTestCaseService } from './flow-test-case.service';
import { FlowTestCasesController } from './flow-test-cases.controller';
import { FlowTestRunService } from './flow-test-run.service';
import { FlowVersionsController } from './flow-versions.controller';
import { FlowWriteService } from './flow-write.service';
import { FlowsController } from './flows.controller';

@Module({
  // Order matters: GET /flows/catalogue must be routed before FlowsController's GET /flows/:id.
  controllers: [
    FlowCatalogueController,
    FlowsController,
    FlowVersionsController,
    FlowSimulationController,
    FlowBacktestController,
    FlowDocumentController,
    FlowTestCasesController,
  ],
  providers: [
    FlowReadService,
    FlowWriteService,
    FlowPublishService,
    FlowSimulationService,
    FlowBacktestService,
    FlowNodeStatsService,
    FlowTestCaseService,
    FlowTestRunService,
  ],
})
export class FlowsModule {}
