import { CsvSyntaxError, parseCsv, toCsv, UTF8_BOM } from '../../domain/csv';
import { csvHeader, parseBooleanCell, attributesToCells } from '../../domain/basedata';

describe('CSV serialise', () => {
  test('when a table is serialised, then it starts with a BOM, ends lines with CRLF and quotes only what needs it', () => {
    const csv = toCsv(
      ['code', 'nameFa', 'note'],
      [
        ['a', 'سوپرمارکت', 'plain'],
        ['b', 'نان، شیرینی', 'he said "hi"'],
        ['c', 'دو\nخط', null],
        ['d', ' padded ', true],
      ],
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe(
      'code,nameFa,note\r\na,سوپرمارکت,plain\r\nb,نان، شیرینی,"he said ""hi"""\r\nc,"دو\nخط",\r\nd," padded ",true\r\n',
    );
  });

  test('when a field holds a latin comma, then it is quoted', () => {
    expect(toCsv(['x'], [['a,b']]).slice(1)).toBe('x\r\n"a,b"\r\n');
  });
});

describe('CSV parse', () => {
  test('when the text has a BOM, CRLF and quoted commas, quotes and newlines, then every cell comes back exactly', () => {
    const rows = [
      ['code', 'nameFa', 'nameEn'],
      ['a,1', 'نام "ویژه"', 'line1\r\nline2'],
      ['', '', ''],
      ['b', 'ساده', 'x'],
    ];
    const parsed = parseCsv(toCsv(rows[0], rows.slice(1)));
    expect(parsed.map((r) => r.cells)).toEqual(rows);
  });

  test('when a record spans lines, then its line number is where it starts and the next record counts on', () => {
    const parsed = parseCsv('h1,h2\n"multi\nline",x\ny,z\n');
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  test('when lines end with LF only, the last line has no end, and blank lines appear, then they are handled', () => {
    expect(parseCsv('a,b\n\n1,2\n\n3,4').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  test('when a quoted empty field is alone on a line, then it is a record with one empty cell', () => {
    expect(parseCsv('a\n""\n').map((r) => r.cells)).toEqual([['a'], ['']]);
  });

  test('when Persian and Arabic-Indic digits are in cells, then parsing keeps them for the importer to normalise', () => {
    const [, row] = parseCsv('code,sortOrder\nguild-۱۲,٣٤\n');
    expect(row.cells).toEqual(['guild-۱۲', '٣٤']);
  });

  test('when a quote is never closed, then a CsvSyntaxError names the line the field starts on', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
  });

  test('when text follows a closing quote, then it is refused', () => {
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/closing quote/);
  });

  test('when random tables are serialised and parsed, then they come back unchanged', () => {
    const alphabet = ['a', 'ب', ',', '"', '\n', '\r\n', ' ', '۱', '٣', 'z', '\u200c'];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let t = 0; t < 200; t += 1) {
      const cols = 1 + rnd(4);
      const rows = Array.from({ length: 1 + rnd(5) }, () =>
        Array.from({ length: cols }, () => Array.from({ length: rnd(6) }, () => alphabet[rnd(alphabet.length)]).join('')),
      );
      // A row of one empty cell serialises as a blank line, which CSV cannot tell from no row.
      const header = Array.from({ length: cols }, (_, i) => `c${i}`);
      const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
      expect(parseCsv(toCsv(header, kept)).map((r) => r.cells)).toEqual([header, ...kept]);
    }
  });
});

describe('base-data CSV columns', () => {
  test('when the header of a kind is asked for, then it is stable: common columns then the attributes', () => {
    expect(csvHeader('guild')).toEqual(['code', 'nameFa', 'nameEn', 'active', 'sortOrder', 'categoryCode', 'guildCode']);
    expect(csvHeader('collect-reason')).toEqual(['code', 'nameFa', 'nameEn', 'active', 'sortOrder']);
  });

  test('when a holiday is exported, then its day is written as a Jalali date', () => {
    expect(attributesToCells('holiday', { date: '2025-03-21' })).toEqual(['1404/01/01']);
  });

  test('when boolean cells are read, then English, Persian and digits are understood and junk is refused', () => {
    expect(parseBooleanCell('TRUE')).toBe(true);
    expect(parseBooleanCell('بله')).toBe(true);
    expect(parseBooleanCell('۰')).toBe(false);
    expect(parseBooleanCell('')).toBeUndefined();
    expect(parseBooleanCell('maybe')).toBeNull();
  });
});
