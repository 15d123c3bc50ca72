import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createRecommender, supportingDataDirOf } from './recommender.ts';

describe('the supporting-data release the server loads', () => {
  it('is the release named by CDSI_RELEASE, 4.64 by default, and the recommender reports that version', () => {
    const config = loadConfig({});
    expect(config.CDSI_RELEASE).toBe('4.64');
    const dir = supportingDataDirOf(config);
    expect(path.basename(dir)).toBe('4.64');
    const r = createRecommender(dir);
    expect(r.version).toBe('4.64');
    expect(r.data.counts.series).toBeGreaterThan(100);
  });

  it('refuses a release that is not installed, saying which ones are and how to add one', () => {
    expect(() => supportingDataDirOf(loadConfig({ CDSI_RELEASE: '9.99' }))).toThrow(
      /"9\.99" is not installed: .* has 4\.64\. .*CDSI_DATA_DIR/,
    );
  });

  it('refuses a release name that is not a CDC release number', () => {
    expect(() => loadConfig({ CDSI_RELEASE: '../etc' })).toThrow(/CDSI_RELEASE: a CDC release number such as 4\.64/);
  });

  it('takes CDSI_DATA_DIR over CDSI_RELEASE, for a CDC release being tried from elsewhere', () => {
    expect(supportingDataDirOf(loadConfig({ CDSI_RELEASE: '9.99', CDSI_DATA_DIR: '/srv/cdsi/4.70' }))).toBe('/srv/cdsi/4.70');
  });
});
