import { Module } from '@nestjs/common';
import { WorkflowDispatcher } from './workflow-dispatcher.service';

@Module({ providers: [WorkflowDispatcher], exports: [WorkflowDispatcher] })
export class DispatchModule {}
