import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditLogService } from './audit-log.service';
import { AuditQueryService } from './audit-query.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditLogService, AuditQueryService],
  exports: [AuditLogService],
})
export class AuditModule {}
