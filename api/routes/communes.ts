/**
 * @module
 * The commune directory over HTTP: `GET /communes` lists the current communes and wards of Thanh Hóa
 * (optionally `?q=` to search by name, accents optional), `GET /communes/:code` gives one with the
 * units that merged into it. Public and cacheable: the data only changes with a new release.
 */
import { Router } from 'express';
import {
  unknownCommuneMessage,
  type Commune,
  type CommuneDirectory,
  type FormerCommune,
} from '../../knowledge/index.js';
import { notFound } from '../errors.js';

const CACHE = 'public, max-age=3600';
const MAX_QUERY = 100;

/** What the list shows per commune. */
function listItem(c: Commune) {
  return {
    code: c.code,
    name: c.name,
    type: c.type,
    displayName: c.displayName,
    centreAddress: c.centreAddress,
    officeAddress: c.officeAddress,
  };
}

function detail(c: Commune) {
  return {
    ...listItem(c),
    lon: c.lon,
    lat: c.lat,
    areaKm2: c.areaKm2,
    population: c.population,
    formerCommunes: c.formerCommunes,
  };
}

function formerItem(f: FormerCommune) {
  return {
    code: f.code,
    name: f.name,
    type: f.type,
    displayName: f.displayName,
    district: f.district,
    split: f.split,
    successors: f.successors.map(listItem),
  };
}

export function createCommunesRouter(directory: CommuneDirectory): Router {
  const router = Router();
  const all = directory.all().map(listItem);

  router.get('/communes', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, MAX_QUERY).trim() : '';
    res.setHeader('Cache-Control', CACHE);
    if (q === '') {
      res.json({ items: all });
      return;
    }
    // A search also says which former units the text names, so "Hoằng Quỳ" leads to Hoằng Giang.
    res.json({
      items: directory.find(q).map(listItem),
      former: directory.resolveFormer(q).map(formerItem),
    });
  });

  router.get('/communes/:code', (req, res) => {
    const code = String(req.params.code).trim();
    const commune = directory.byCode(code);
    if (!commune) throw notFound(unknownCommuneMessage(code, directory));
    res.setHeader('Cache-Control', CACHE);
    res.json(detail(commune));
  });
  return router;
}
