import { Module } from '@nestjs/common';
import { DemoDataController } from './demo-data.controller';
import { DemoDataService } from './demo-data.service';

/** The demo's removable sample history (seeded by seed/sample-history). */
@Module({ controllers: [DemoDataController], providers: [DemoDataService] })
export class DemoDataModule {}
