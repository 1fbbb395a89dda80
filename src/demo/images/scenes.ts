import type { SceneName } from '../types.ts';
import type { Scene } from './backdrop.ts';
import { pickPalette, type TimeOfDay } from './palette.ts';
import { hashString, Rng } from './random.ts';
import { hospital, stadium, summit } from './scenes/civic.ts';
import { fields, forest, mountains, nightSky, ocean, windFarm } from './scenes/nature.ts';
import { parliament } from './scenes/parliament.ts';
import { circuits, laboratory, markets } from './scenes/science.ts';
import { bridge, cityscape, harbour, railway } from './scenes/urban.ts';
import { crowd, gallery, stage } from './scenes/venues.ts';
import { Svg } from './svg.ts';

interface SceneStyle {
  draw: (scene: Scene) => void;
  /**
   * Times of day that suit the subject (repeat an entry to weight it). Indoor scenes use the palette
   * only for mood: a dim laboratory, the vignette colour.
   */
  times?: readonly TimeOfDay[];
}

const styles: Record<SceneName, SceneStyle> = {
  parliament: { draw: parliament },
  summit: { draw: summit },
  cityscape: { draw: cityscape },
  harbour: { draw: harbour },
  mountains: { draw: mountains },
  stadium: { draw: stadium, times: ['day', 'dusk', 'dusk', 'night', 'night'] },
  laboratory: { draw: laboratory, times: ['day', 'day', 'night'] },
  circuits: { draw: circuits },
  stage: { draw: stage },
  fields: { draw: fields, times: ['dawn', 'day', 'day', 'dusk'] },
  hospital: { draw: hospital },
  markets: { draw: markets },
  ocean: { draw: ocean },
  railway: { draw: railway },
  forest: { draw: forest, times: ['dawn', 'day', 'dusk'] },
  crowd: { draw: crowd, times: ['dawn', 'day', 'day', 'dusk'] },
  'night-sky': { draw: nightSky, times: ['night'] },
  'wind-farm': { draw: windFarm },
  bridge: { draw: bridge },
  gallery: { draw: gallery },
};

/**
 * A complete SVG document for one illustrated scene. The same scene and seed always give the same
 * picture; the seed chooses the time of day, composition and counts. Drawn for 16:9 (other aspects are
 * centre-cropped); 1600×900 rasterises fastest, since textures then need no resampling.
 */
export function sceneSvg(scene: SceneName, seed: number, width: number, height: number): string {
  const style = styles[scene];
  const rng = new Rng(seed ^ hashString(scene));
  const svg = new Svg();
  style.draw({ svg, rng, pal: pickPalette(rng, style.times) });
  return svg.render(width, height);
}
