// @ts-check
import { strykerOptions } from './stryker.config.mjs';

export default strykerOptions('mock-server');
