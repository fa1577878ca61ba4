using System.Text;

namespace Superapps.Adapters.LegacyLetters;

/// <summary>One data row of an export file: its line number in the file (the header is line 1) and its cells by column name.</summary>
internal sealed record CsvRow(string File, int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var value) ? value.Trim() : string.Empty;

    public string Where(string idColumn) => $"{File} baris {Line} ({idColumn} {this[idColumn]})";
}

/// <summary>Reads the export's CSV (RFC 4180: comma, double quotes, quotes doubled, line breaks inside quotes; UTF-8 with or without BOM).</summary>
internal static class Csv
{
    public static IReadOnlyList<CsvRow> Read(string path)
    {
        var file = Path.GetFileName(path);
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var rows = new List<CsvRow>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                cells[header[i]] = i < fields.Count ? fields[i] : string.Empty;
            }

            rows.Add(new CsvRow(file, line, cells));
        }

        return rows;
    }

    /// <summary>Each record with the line it starts on.</summary>
    public static List<(int Line, List<string> Fields)> Parse(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add((start, fields));
                fields = [];
                line++;
                start = line;
            }
            else if (c != '\uFEFF' || i != 0)
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((start, fields));
        }

        return records;
    }
}
