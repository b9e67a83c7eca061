import { describe, it, expect } from 'vitest';
import { databaseBefore } from './helpers';

describe('migration 0005_printing', () => {
  it('adds base images and marker positions for the distribution map, leaving households alone', () => {
    const { db, applyIt, tables } = databaseBefore('0005_printing');
    db.prepare("INSERT INTO households (id, region_code, record, created_at, updated_at) VALUES ('h1', '620422100201', '{\"headName\":\"张三\"}', 'n', 'n')").run();

    expect(applyIt().applied).toEqual(['0005_printing']);
    expect(db.prepare('SELECT head_name FROM households').get()).toEqual({ head_name: '张三' });
    expect(tables()).toEqual(expect.arrayContaining(['print_map_images', 'print_village_maps', 'print_marker_positions']));

    // A village map names an image that exists.
    expect(() => db.prepare("INSERT INTO print_village_maps (village_code, image_sha256, file_name, updated_by, updated_at) VALUES ('620422100201', 'missing', 'a.png', 'a', 'n')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO print_map_images (sha256, mime, width_px, height_px, byte_length, bytes, created_at) VALUES ('abc', 'image/png', 10, 20, 3, x'010203', 'n')").run();
    db.prepare("INSERT INTO print_village_maps (village_code, image_sha256, file_name, updated_by, updated_at) VALUES ('620422100201', 'abc', 'a.png', 'a', 'n')").run();
    expect(db.prepare('SELECT length(bytes) AS n FROM print_map_images').get()).toEqual({ n: 3 });

    // A marker belongs to a household, once per village.
    const mark = db.prepare("INSERT INTO print_marker_positions (id, village_code, household_id, x, y, updated_at) VALUES (?, '620422100201', ?, 0.5, 0.25, 'n')");
    expect(() => mark.run('m0', 'nobody')).toThrow(/FOREIGN KEY/);
    mark.run('620422100201:h1', 'h1');
    expect(() => mark.run('other-id', 'h1')).toThrow(/UNIQUE/);
  });
});
