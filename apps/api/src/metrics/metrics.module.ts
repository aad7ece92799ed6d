import { Module } from '@nestjs/common';

// Filled in by the metrics feature: controllers and providers live in this folder.
@Module({ controllers: [], providers: [] })
export class MetricsModule {}
