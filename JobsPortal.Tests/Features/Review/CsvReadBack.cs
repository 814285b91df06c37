using CsvHelper;

namespace JobsPortal.Tests.Features.Review;

/// <summary>Reads an exported CSV back with CsvHelper: its header and every record as column name to value.</summary>
public static class CsvReadBack
{
    public static async Task<(IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows)> ReadAsync(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes);
        await reader.ReadHeaderAsync();
        var header = reader.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync())
        {
            rows.Add(header.Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(p => p.name, p => p.value));
        }
        return (header, rows);
    }

    public static bool StartsWithUtf8ByteOrderMark(byte[] bytes) => bytes is [0xEF, 0xBB, 0xBF, ..];
}
