/* fuzz-registry.c — the reader of one entity registry file (entities/<id>.json)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as entities/fuzz-0000000000.json: refused with a problem
 * naming the file, or read; what is read was strict JSON and survives a
 * round trip: written as the registry writes it and read back, it is
 * accepted and written the same again.
 */

#include "config.h"

#include "fuzz-common.h"

#define FILE_NAME "entities/fuzz-0000000000.json"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  SpanmarkChecker checker;
  g_autoptr(SpanmarkRegistryEntity) entity = NULL;
  FuzzJson kind;

  if (!fuzz_begin_json ((const char *) data, size, &kind))
    return 0;

  spanmark_checker_init (&checker);
  entity = spanmark_registry_entity_from_json (&checker, FILE_NAME, (const char *) data, size);
  fuzz_check_problems (&checker, FILE_NAME);

  if (entity == NULL)
    g_assert_cmpuint (spanmark_checker_get_n_problems (&checker), >, 0);
  else
    {
      g_autofree char *written = NULL;
      g_autofree char *again = NULL;
      g_autoptr(SpanmarkRegistryEntity) reread = NULL;
      SpanmarkChecker second;
      gsize length;

      g_assert_cmpuint (spanmark_checker_get_n_problems (&checker), ==, 0);
      fuzz_check_strict (FILE_NAME, kind);
      written = spanmark_registry_entity_to_json (entity, &length);
      spanmark_checker_init (&second);
      reread = spanmark_registry_entity_from_json (&second, FILE_NAME, written, length);
      if (reread == NULL)
        fuzz_fail ("the registry refused what it wrote:\n%s", written);
      spanmark_checker_clear (&second);
      again = spanmark_registry_entity_to_json (reread, NULL);
      if (g_strcmp0 (written, again) != 0)
        fuzz_fail ("written twice, differently:\n%s\n%s", written, again);
    }

  spanmark_checker_clear (&checker);
  return 0;
}
