import { Injectable } from '@nestjs/common';

/** "Now" for the metrics (default window, lead ages, gauges); tests pin it. */
@Injectable()
export class MetricsClock {
  now(): Date {
    return new Date();
  }
}
