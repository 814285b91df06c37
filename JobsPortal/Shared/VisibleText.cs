using System.Globalization;

namespace JobsPortal.Shared;

/// <summary>
/// Lengths of text as a person counts them: in text elements (grapheme clusters), so that "é" written
/// as e and a combining accent, an emoji, or a family emoji joined from seven code points is one
/// character, as the screen shows it, rather than two to eleven UTF-16 units. Every limit that a page
/// shows with a counter ("500 characters") is checked here, by the page's counter, the service and the
/// API alike. A limit also bounds the storage: at most <see cref="UnitsPerCharacter"/> UTF-16 units per
/// character allowed, so that one "character" made of a thousand combining marks is refused too.
/// </summary>
public static class VisibleText
{
    /// <summary>Room for the longest everyday characters (a family or a flag emoji with modifiers is 7 to 11 units).</summary>
    public const int UnitsPerCharacter = 12;

    /// <summary>How many characters <paramref name="text"/> shows; 0 for null.</summary>
    public static int Length(string? text) => string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements;

    /// <summary>True when <paramref name="text"/> is at most <paramref name="max"/> characters (and within the storage bound).</summary>
    public static bool Fits(string? text, int max) =>
        text is null || (text.Length <= max || (text.Length <= max * UnitsPerCharacter && Length(text) <= max));

    /// <summary>The HTML <c>maxlength</c> of a box for <paramref name="max"/> characters: browsers count UTF-16 units there.</summary>
    public static int InputUnits(int max) => max * UnitsPerCharacter;

    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/>, never cutting one in half.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var end = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        for (var count = 0; count < max && enumerator.MoveNext(); count++)
        {
            end = enumerator.ElementIndex + ((string)enumerator.Current).Length;
        }
        return text[..end];
    }
}
