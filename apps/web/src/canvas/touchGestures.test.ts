import { describe, expect, it } from 'vitest';
import { DOUBLE_TAP_MS, TOUCH_SLOP, TouchGestures } from './touchGestures';

const at = (x: number, y = 100) => ({ x, y });

describe('TouchGestures', () => {
  it('a finger held in place is a long press, and lifting it afterwards is no tap', () => {
    const touch = new TouchGestures();
    touch.pointerDown(1, at(100));
    touch.pointerMove(1, at(100 + TOUCH_SLOP - 1));
    expect(touch.longPress()).toEqual(at(100));
    expect(touch.longPress()).toBeUndefined();
    expect(touch.pointerUp(1, at(100), 600)).toBeUndefined();
  });

  it('a drag is neither a long press nor a tap', () => {
    const touch = new TouchGestures();
    touch.pointerDown(1, at(100));
    touch.pointerMove(1, at(100 + TOUCH_SLOP + 5));
    expect(touch.longPress()).toBeUndefined();
    expect(touch.pointerUp(1, at(100), 200)).toBeUndefined();
  });

  it('a pinch is neither a long press nor a tap', () => {
    const touch = new TouchGestures();
    touch.pointerDown(1, at(100));
    touch.pointerDown(2, at(200));
    expect(touch.longPress()).toBeUndefined();
    expect(touch.pointerUp(2, at(200), 100)).toBeUndefined();
    expect(touch.pointerUp(1, at(100), 110)).toBeUndefined();
  });

  it('two quick taps close together are a double tap; a third starts over', () => {
    const touch = new TouchGestures();
    touch.pointerDown(1, at(100));
    expect(touch.pointerUp(1, at(100), 1000)).toBe('tap');
    touch.pointerDown(2, at(110));
    expect(touch.pointerUp(2, at(110), 1000 + DOUBLE_TAP_MS - 10)).toBe('double-tap');
    touch.pointerDown(3, at(110));
    expect(touch.pointerUp(3, at(110), 1000 + DOUBLE_TAP_MS + 50)).toBe('tap');
  });

  it('taps too slow or too far apart are two taps', () => {
    const touch = new TouchGestures();
    touch.pointerDown(1, at(100));
    touch.pointerUp(1, at(100), 1000);
    touch.pointerDown(2, at(100));
    expect(touch.pointerUp(2, at(100), 1000 + DOUBLE_TAP_MS + 1)).toBe('tap');
    touch.pointerDown(3, at(200));
    expect(touch.pointerUp(3, at(200), 1000 + DOUBLE_TAP_MS + 100)).toBe('tap');
  });

  it('a cancelled pointer ends the press and forgets the last tap', () => {
    const touch = new TouchGestures();
    touch.pointerDown(1, at(100));
    touch.pointerUp(1, at(100), 1000);
    touch.pointerDown(2, at(100));
    touch.pointerCancel(2);
    expect(touch.longPress()).toBeUndefined();
    touch.pointerDown(3, at(100));
    expect(touch.pointerUp(3, at(100), 1100)).toBe('tap');
  });
});
