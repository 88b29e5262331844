import { describe, expect, it } from 'vitest';
import { canonicalDocNumber, findDocNumbers } from '../../../src/core/metadata/docNumber.js';
import { findPlaces, prefectureCount } from '../../../src/core/metadata/places.js';

describe('findPlaces', () => {
  it('holds all 333 prefecture-level divisions of the mainland', () => {
    expect(prefectureCount()).toBe(333);
  });

  it('takes the longest name at each spot: 长沙县 is a county, 长沙市 a prefecture', () => {
    expect(findPlaces('长沙县住房和城乡建设局').map((p) => [p.name, p.province, p.level])).toEqual([['长沙县', '湖南', 'county']]);
    expect(findPlaces('长沙市').map((p) => p.level)).toEqual(['prefecture']);
    expect(findPlaces('新疆维吾尔自治区巴音郭楞蒙古自治州').map((p) => p.name)).toEqual(['新疆维吾尔自治区', '巴音郭楞蒙古自治州']);
  });

  it('does not read common words as places: 朝阳 only as 朝阳市, 大庆 only as 大庆市', () => {
    expect(findPlaces('迎着朝阳，普天大庆')).toEqual([]);
    expect(findPlaces('朝阳市').map((p) => p.province)).toEqual(['辽宁']);
    expect(findPlaces('朝阳区').map((p) => p.province)).toEqual(['北京']);
  });
});

describe('document numbers', () => {
  it('canonicalizes brackets and spaces: 长金管委〔2 022〕3号', () => {
    expect(findDocNumbers('长金管委〔2 022〕3号').map((n) => n.text)).toEqual(['长金管委〔2022〕3号']);
    expect(canonicalDocNumber('粤府办[2020]12号')).toBe('粤府办〔2020〕12号');
    expect(canonicalDocNumber('重庆市人民政府令第361号')).toBe('重庆市人民政府令第361号');
    expect(canonicalDocNumber('第三章')).toBeNull();
  });

  it('keeps the words before a quoted 文号 out of its prefix', () => {
    expect(findDocNumbers('按照国办发〔2018〕126号执行').map((n) => n.prefix)).toEqual(['国办发']);
  });
});
