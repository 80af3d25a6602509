/** Field messages in Indonesian, the users' language; the error code and catalog carry English too. */
import { z } from 'zod';

z.config(z.locales.id());
