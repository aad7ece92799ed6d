import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PeopleModule } from '../people/people.module';
import { InvitationAcceptController } from './invitation-accept.controller';
import { InvitationAcceptService } from './invitation-accept.service';
import { InvitationIssueService } from './invitation-issue.service';
import { InvitationMailer } from './invitation-mailer';
import { InvitationsController } from './invitations.controller';
import { InvitationThrottle } from './invitation-throttle.service';

/** Inviting people by email with a one-time link that sets their password. */
@Module({
  imports: [AuthModule, PeopleModule],
  controllers: [InvitationsController, InvitationAcceptController],
  providers: [
    InvitationIssueService,
    InvitationAcceptService,
    InvitationMailer,
    InvitationThrottle,
  ],
})
export class InvitationsModule {}
