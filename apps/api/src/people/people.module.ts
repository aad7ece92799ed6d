import { Module } from '@nestjs/common';

// Filled in by the people feature: controllers and providers live in this folder.
@Module({ controllers: [], providers: [] })
export class PeopleModule {}
