/*
 * Test tooling, never shipped: Go 1.22+ programs on Windows call
 * bcryptprimitives.dll!ProcessPrng, which Wine 8.0 lacks. This stand-in,
 * copied into a throw-away Wine prefix by scripts/smoke-wine.sh, provides it
 * from advapi32's SystemFunction036 (RtlGenRandom).
 */
#include <windows.h>

typedef BOOLEAN(WINAPI *gen_random)(PVOID, ULONG);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    static gen_random gen;
    if (!gen) {
        gen = (gen_random)GetProcAddress(LoadLibraryA("advapi32.dll"), "SystemFunction036");
        if (!gen)
            return FALSE;
    }
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!gen(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
