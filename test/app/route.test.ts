// The builder's addresses: ?build=… and ?scenario=… open the lesson screen in Lab (the builder is
// a Lab screen) unless the link asks for Learn; other addresses keep their screens.
import { describe, expect, it } from 'vitest';
import { readRoute } from '../../src/app/screens/route';

describe('readRoute', () => {
  it('opens the builder in Lab', () => {
    expect(readRoute('?build=blank')).toEqual({ screen: 'lesson', mode: 'lab' });
    expect(readRoute('?scenario=zAAAA')).toEqual({ screen: 'lesson', mode: 'lab' });
    expect(readRoute('?scenario=zAAAA&mode=learn')).toEqual({ screen: 'lesson', mode: 'learn' });
  });
  it('keeps home, lessons and the teacher page as they were', () => {
    expect(readRoute('')).toEqual({ screen: 'home', mode: 'learn' });
    expect(readRoute('?lesson=letters')).toEqual({ screen: 'lesson', mode: 'learn' });
    expect(readRoute('?lesson=letters&mode=lab')).toEqual({ screen: 'lesson', mode: 'lab' });
    expect(readRoute('?teacher=letters')).toEqual({ screen: 'teacher', mode: 'learn' });
  });
});
