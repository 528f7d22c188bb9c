/* Code 39 barcode: five bars and four spaces per character, three of the
 * nine elements wide; characters separated by one narrow space; framed by
 * the '*' start/stop character. */
#include <string.h>

#include "art/art_build.h"

#define NARROW 1.0f
#define WIDE 3.0f
#define GAP 1.0f

/* The symbol table: element widths bar, space, bar, ... (1 = wide). */
static const struct { char c; const char *wide; } code39_table[] = {
    {'0', "000110100"}, {'1', "100100001"}, {'2', "001100001"},
    {'3', "101100000"}, {'4', "000110001"}, {'5', "100110000"},
    {'6', "001110000"}, {'7', "000100101"}, {'8', "100100100"},
    {'9', "001100100"}, {'A', "100001001"}, {'B', "001001001"},
    {'C', "101001000"}, {'D', "000011001"}, {'E', "100011000"},
    {'F', "001011000"}, {'G', "000001101"}, {'H', "100001100"},
    {'I', "001001100"}, {'J', "000011100"}, {'K', "100000011"},
    {'L', "001000011"}, {'M', "101000010"}, {'N', "000010011"},
    {'O', "100010010"}, {'P', "001010010"}, {'Q', "000000111"},
    {'R', "100000110"}, {'S', "001000110"}, {'T', "000010110"},
    {'U', "110000001"}, {'V', "011000001"}, {'W', "111000000"},
    {'X', "010010001"}, {'Y', "110010000"}, {'Z', "011010000"},
    {'-', "010000101"}, {'.', "110000100"}, {' ', "011000100"},
    {'$', "010101000"}, {'/', "010100010"}, {'+', "010001010"},
    {'%', "000101010"}, {'*', "010010100"},
};

static const char *pattern_of(char c)
{
    for (size_t i = 0; i < sizeof(code39_table) / sizeof(code39_table[0]); i++)
        if (code39_table[i].c == c)
            return code39_table[i].wide;
    return NULL;
}

/* Draw one character's bars from x; returns the x after its last element. */
static float draw_char(folio_artb *b, const char *wide, float x, float height)
{
    for (int i = 0; i < 9; i++) {
        float w = wide[i] == '1' ? WIDE : NARROW;
        if (i % 2 == 0)
            folio_artb_rect(b, x, 0, w, height);
        x += w;
    }
    return x;
}

int folio_art_code39(folio_arena *a, const char *payload, float height,
                     const folio_art **out)
{
    folio_artb b;
    folio_artb_init(&b);
    int rc = FOLIO_E_USAGE;
    if (!a || !payload || !out || !(height > 0))
        goto done;
    rc = FOLIO_E_INPUT;
    for (const char *p = payload; *p; p++)
        if (*p == '*' || !pattern_of(*p))
            goto done;
    const char *star = pattern_of('*');
    float x = draw_char(&b, star, 0, height) + GAP;
    for (const char *p = payload; *p; p++)
        x = draw_char(&b, pattern_of(*p), x, height) + GAP;
    x = draw_char(&b, star, x, height);
    rc = folio_artb_finish(&b, a, x, height, out);
done:
    folio_artb_discard(&b);
    return rc;
}
