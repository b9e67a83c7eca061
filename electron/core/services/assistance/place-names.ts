import type { Db } from '../../db/connection';
import { regionName } from '../registry/region-names';

/**
 * The name a clerk says and a notice prints: 「高家庄村民委员会」 is 「高家庄村」, 「东山根社区居民
 * 委员会」 is 「东山根社区」; other levels keep their names.
 */
export const placeName = (db: Db, code: string): string =>
  regionName(db, code).replace(/村民委员会$/, '村').replace(/社区居民委员会$/, '社区').replace(/居民委员会$/, '社区');
