/**
 * Pin the place of a complaint on a map: tap or click the map, drag the pin to adjust, or (from the
 * keyboard) move the map with the arrow keys and mark its centre. The tiles come from the install's tile
 * server; without one the form keeps the address and the device's location. Leaflet is used directly:
 * one map, one pin, nothing that needs a React wrapper.
 */
import 'leaflet/dist/leaflet.css';
import { Button, Group, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { MapSettings } from '../../api/portal.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Indonesia as a whole, for a region without any located report yet. */
const INDONESIA: L.LatLngExpression = [-2.5, 118];
const CITY_ZOOM = 13;
const PIN_ZOOM = 16;

/** The pin as plain HTML (no marker images to bundle), in the portal's red. */
const PIN_ICON = L.divIcon({
  className: '',
  html: '<div style="width:22px;height:22px;border-radius:50% 50% 50% 0;background:var(--mantine-color-red-8);border:2px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.5);transform:rotate(-45deg)"></div>',
  iconSize: [22, 22],
  iconAnchor: [11, 22],
});

const rounded = (n: number) => Number(n.toFixed(6));

export function LocationMap({
  settings,
  latitude,
  longitude,
  onPick,
}: {
  settings: MapSettings & { tiles: string };
  latitude: number | null;
  longitude: number | null;
  onPick: (latitude: number, longitude: number) => void;
}) {
  const { t } = useI18n();
  const box = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const pin = useRef<L.Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  // Where the map opens: the pin already set, else the region's reports, else the whole country.
  const start = useRef<[L.LatLngExpression, number]>(
    latitude !== null && longitude !== null
      ? [[latitude, longitude], PIN_ZOOM]
      : settings.center
        ? [[settings.center.lat, settings.center.lng], CITY_ZOOM]
        : [INDONESIA, 5],
  );

  useEffect(() => {
    if (!box.current) return;
    const [center, zoom] = start.current;
    const created = L.map(box.current, { center, zoom, keyboard: true });
    L.tileLayer(settings.tiles, { attribution: settings.attribution, maxZoom: 19 }).addTo(created);
    created.on('click', (event: L.LeafletMouseEvent) => pick.current(rounded(event.latlng.lat), rounded(event.latlng.lng)));
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      pin.current = null;
    };
  }, [settings.tiles, settings.attribution]);

  useEffect(() => {
    const current = map.current;
    if (!current) return;
    if (latitude === null || longitude === null) {
      pin.current?.remove();
      pin.current = null;
      return;
    }
    if (!pin.current) {
      const marker = L.marker([latitude, longitude], { icon: PIN_ICON, draggable: true, keyboard: false, title: t('portal.complaintForm.mapPin') });
      marker.on('dragend', () => {
        const at = marker.getLatLng();
        pick.current(rounded(at.lat), rounded(at.lng));
      });
      pin.current = marker.addTo(current);
    } else {
      pin.current.setLatLng([latitude, longitude]);
    }
    if (!current.getBounds().contains([latitude, longitude])) current.setView([latitude, longitude], Math.max(current.getZoom(), PIN_ZOOM));
  }, [latitude, longitude, t]);

  return (
    <div>
      <section
        ref={box}
        aria-label={t('portal.complaintForm.mapLabel')}
        style={{ height: 280, borderRadius: 'var(--mantine-radius-md)', zIndex: 0 }}
      />
      <Group gap="sm" mt={6} justify="space-between" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('portal.complaintForm.mapHint')}
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconMapPin size={16} aria-hidden />}
          onClick={() => {
            const centre = map.current?.getCenter();
            if (centre) pick.current(rounded(centre.lat), rounded(centre.lng));
          }}
        >
          {t('portal.complaintForm.mapCentre')}
        </Button>
      </Group>
    </div>
  );
}
