import { installRuntime } from '../../src/logging/install-runtime';

installRuntime('WARN');
