-- The national application's urusan list (38 entries) has neither "Pengawasan" nor "Kesekretariatan":
-- an inspectorate's or a secretariat's innovation is filed there under "Fungsi lain sesuai ketentuan
-- peraturan perundang-undangan". Innovations carrying either value, as urusan utama or irisan, move to
-- `fungsi_lain` (an irisan equal to the new utama, or repeated, is dropped), their version moves on so an
-- open form cannot write the old value back, and each move leaves an audit entry saying what it was.
WITH moved AS (
  SELECT
    i.id,
    i.region_code,
    i.urusan_utama,
    i.urusan_irisan,
    CASE WHEN i.urusan_utama IN ('pengawasan', 'kesekretariatan') THEN 'fungsi_lain' ELSE i.urusan_utama END AS new_utama
  FROM innovations i
  WHERE i.urusan_utama IN ('pengawasan', 'kesekretariatan') OR i.urusan_irisan ?| array['pengawasan', 'kesekretariatan']
),
mapped AS (
  SELECT
    m.*,
    coalesce((
      SELECT jsonb_agg(s.x ORDER BY s.first_at)
      FROM (
        SELECT CASE WHEN e.v IN ('pengawasan', 'kesekretariatan') THEN 'fungsi_lain' ELSE e.v END AS x, min(e.n) AS first_at
        FROM jsonb_array_elements_text(m.urusan_irisan) WITH ORDINALITY AS e(v, n)
        GROUP BY 1
      ) s
      WHERE s.x IS DISTINCT FROM m.new_utama
    ), '[]'::jsonb) AS new_irisan
  FROM moved m
),
noted AS (
  INSERT INTO audit_log (actor_username, region_code, action, entity_type, entity_id, before, after)
  SELECT
    'sistem',
    region_code,
    'innovation.urusan_moved',
    'innovation',
    id::text,
    jsonb_build_object('urusanUtama', urusan_utama, 'urusanIrisan', urusan_irisan),
    jsonb_build_object(
      'urusanUtama', new_utama,
      'urusanIrisan', new_irisan,
      'catatan', 'Urusan Pengawasan/Kesekretariatan tidak ada dalam daftar aplikasi nasional; dipindahkan ke "Fungsi lain sesuai ketentuan peraturan perundang-undangan".'
    )
  FROM mapped
)
UPDATE innovations i
SET urusan_utama = m.new_utama, urusan_irisan = m.new_irisan, version = i.version + 1, updated_at = now()
FROM mapped m
WHERE i.id = m.id;
