import fc from 'fast-check';
import { clipCodePoints, clipText } from './clip-text';

const wellFormed = (s: string) => s.isWellFormed();

describe('clipText', () => {
  it('leaves text that fits alone', () => {
    expect(clipText('Need a plumber today', 20)).toBe('Need a plumber today');
  });

  it('cuts long text with an ellipsis within the limit', () => {
    expect(clipText('Need a plumber today, water everywhere', 15)).toBe('Need a plumber…');
  });

  it('never splits an emoji (a surrogate pair)', () => {
    const emoji = '🔥'.repeat(300);
    const clipped = clipText(emoji, 160);
    expect(clipped.length).toBeLessThanOrEqual(160);
    expect(wellFormed(clipped)).toBe(true);
    expect(clipped).toBe(`${'🔥'.repeat(79)}…`);
  });

  it('keeps flags and family emoji whole', () => {
    const flags = '🇩🇪🇫🇷🇪🇸'; // three flags, four units each
    expect(clipText(flags, 10)).toBe('🇩🇪🇫🇷…');
    const family = '👨‍👩‍👧‍👦'; // one grapheme of 11 units
    expect(clipText(`ab${family}${family}`, 16)).toBe(`ab${family}…`);
  });

  it('cuts a grapheme longer than the limit between code points', () => {
    const zalgo = `e${'\u0301'.repeat(50)}`;
    const clipped = clipText(zalgo, 10);
    expect(clipped.length).toBeLessThanOrEqual(10);
    expect(wellFormed(clipped)).toBe(true);
  });

  it('is well-formed and within the limit for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.integer({ min: 0, max: 300 }),
        (text, max) => {
          const clipped = clipText(text, max);
          expect(clipped.length).toBeLessThanOrEqual(Math.max(max, 0));
          // a well-formed input never becomes ill-formed
          if (wellFormed(text)) expect(wellFormed(clipped)).toBe(true);
        },
      ),
    );
  });
});

describe('clipCodePoints', () => {
  it('stops before a surrogate pair that does not fit', () => {
    expect(clipCodePoints('a😀b', 2)).toBe('a');
    expect(clipCodePoints('a😀b', 3)).toBe('a😀');
  });
});
