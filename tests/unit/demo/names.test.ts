import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../electron/core/demo/random';
import { differentSurname, givenNamePool, surnameOfPlace, villageSurnameTable } from '../../../electron/core/demo/names';

describe('demo names', () => {
  it('reads the lineage surname from place names', () => {
    expect(surnameOfPlace('范家湾村')).toBe('范');
    expect(surnameOfPlace('侯家川镇')).toBe('侯');
    expect(surnameOfPlace('东山根社区')).toBeNull();
  });

  it('makes a village named after a lineage mostly that lineage', () => {
    const r = createRandom(5);
    const table = villageSurnameTable('范家湾村', '会师镇', false);
    let fan = 0;
    for (let i = 0; i < 5000; i++) if (table.draw(r) === '范') fan += 1;
    // 范 is about 1 % of the county, but several times that in 范家湾
    expect(fan / 5000).toBeGreaterThan(0.04);
  });

  it('gives 回族 households 马 most often', () => {
    const r = createRandom(6);
    const table = villageSurnameTable('马家堡村', '新添堡回族乡', true);
    let ma = 0;
    for (let i = 0; i < 2000; i++) if (table.draw(r) === '马') ma += 1;
    expect(ma / 2000).toBeGreaterThan(0.3);
  });

  it('names people after the fashion of their birth decade', () => {
    expect(givenNamePool('2', 1942)).toContain('桂兰');
    expect(givenNamePool('1', 1960)).toContain('建国');
    expect(givenNamePool('1', 2015)).toContain('浩然');
    expect(givenNamePool('2', 2016)).toContain('子涵');
    expect(givenNamePool('1', 1942)).not.toContain('浩然');
  });

  it('marries a spouse from another lineage', () => {
    const r = createRandom(9);
    const table = villageSurnameTable('张家岔村', undefined, false);
    for (let i = 0; i < 500; i++) expect(differentSurname(r, table, '张')).not.toBe('张');
  });
});
