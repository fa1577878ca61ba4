using System.Globalization;
using System.Text;

namespace Superapps.Signing.Pdf;

/// <summary>The file is not a PDF this module can read (truncated, malformed, encrypted, or a structure it does not handle).</summary>
internal sealed class PdfFormatException(string message) : Exception(message);

/// <summary>A PDF object, as far as signing and verification need one. Strings keep their raw bytes (as Latin-1 text).</summary>
internal abstract record PdfObject
{
    public abstract void WriteTo(StringBuilder output);

    public string Serialize()
    {
        var output = new StringBuilder();
        WriteTo(output);
        return output.ToString();
    }
}

internal sealed record PdfName(string Value) : PdfObject
{
    public override void WriteTo(StringBuilder output) => output.Append('/').Append(Value);
}

internal sealed record PdfReference(int Number, int Generation) : PdfObject
{
    public override void WriteTo(StringBuilder output) => output.Append(CultureInfo.InvariantCulture, $"{Number} {Generation} R");
}

/// <summary>A number, string, hex string, boolean or null, kept exactly as written.</summary>
internal sealed record PdfAtom(string Raw) : PdfObject
{
    public override void WriteTo(StringBuilder output) => output.Append(Raw);

    public long? AsInteger => long.TryParse(Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The bytes of a hex string <c>&lt;…&gt;</c>; null for anything else.</summary>
    public byte[]? HexBytes
    {
        get
        {
            if (Raw.Length < 2 || Raw[0] != '<' || Raw[^1] != '>')
            {
                return null;
            }

            var hex = new StringBuilder(Raw.Length);
            foreach (var c in Raw.AsSpan(1, Raw.Length - 2))
            {
                if (Uri.IsHexDigit(c))
                {
                    hex.Append(c);
                }
                else if (!char.IsWhiteSpace(c))
                {
                    return null;
                }
            }

            if (hex.Length % 2 == 1)
            {
                hex.Append('0');
            }

            return Convert.FromHexString(hex.ToString());
        }
    }

    /// <summary>The text of a literal string <c>(…)</c>, escapes resolved, as Latin-1 (PDFDocEncoding's ASCII part).</summary>
    public string? LiteralText
    {
        get
        {
            if (Raw.Length < 2 || Raw[0] != '(' || Raw[^1] != ')')
            {
                return null;
            }

            var text = new StringBuilder();
            for (var i = 1; i < Raw.Length - 1; i++)
            {
                var c = Raw[i];
                if (c != '\\' || i + 1 >= Raw.Length - 1)
                {
                    text.Append(c);
                    continue;
                }

                var next = Raw[++i];
                switch (next)
                {
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case >= '0' and <= '7':
                        var octal = next - '0';
                        for (var k = 0; k < 2 && i + 1 < Raw.Length - 1 && Raw[i + 1] is >= '0' and <= '7'; k++)
                        {
                            octal = (octal * 8) + (Raw[++i] - '0');
                        }

                        text.Append((char)(octal & 0xFF));
                        break;
                    case '\r' or '\n': break;
                    default: text.Append(next); break;
                }
            }

            return text.ToString();
        }
    }
}

internal sealed record PdfArray(List<PdfObject> Items) : PdfObject
{
    public override void WriteTo(StringBuilder output)
    {
        output.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                output.Append(' ');
            }

            Items[i].WriteTo(output);
        }

        output.Append(']');
    }
}

internal sealed record PdfDictionary(List<KeyValuePair<string, PdfObject>> Entries) : PdfObject
{
    public PdfObject? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    public void Set(string key, PdfObject value)
    {
        var index = Entries.FindIndex(e => e.Key == key);
        if (index >= 0)
        {
            Entries[index] = new(key, value);
        }
        else
        {
            Entries.Add(new(key, value));
        }
    }

    public override void WriteTo(StringBuilder output)
    {
        output.Append("<<");
        foreach (var (key, value) in Entries)
        {
            output.Append('/').Append(key).Append(' ');
            value.WriteTo(output);
            output.Append(' ');
        }

        output.Append(">>");
    }
}

/// <summary>Reads PDF objects from the file's text (Latin-1: one character per byte, so offsets are byte offsets).</summary>
internal sealed class PdfLexer(string text, int position)
{
    private const int MaxDepth = 64;

    public int Position { get; set; } = position;

    public string Text => text;

    public static bool IsWhite(char c) => c is ' ' or '\n' or '\r' or '\t' or '\f' or '\0';

    public static bool IsDelimiter(char c) => c is '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '/' or '%';

    public void SkipWhite()
    {
        while (Position < text.Length)
        {
            var c = text[Position];
            if (IsWhite(c))
            {
                Position++;
            }
            else if (c == '%')
            {
                while (Position < text.Length && text[Position] is not ('\n' or '\r'))
                {
                    Position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>A bare word (number, keyword) at the position, without moving past it when <paramref name="peek"/>.</summary>
    public string Word(bool peek = false)
    {
        SkipWhite();
        var start = Position;
        var end = start;
        while (end < text.Length && !IsWhite(text[end]) && !IsDelimiter(text[end]))
        {
            end++;
        }

        if (!peek)
        {
            Position = end;
        }

        return text[start..end];
    }

    public PdfObject ReadObject(int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new PdfFormatException("Objects nest too deeply.");
        }

        SkipWhite();
        if (Position >= text.Length)
        {
            throw new PdfFormatException("The file ends inside an object.");
        }

        var c = text[Position];
        switch (c)
        {
            case '/':
                Position++;
                return new PdfName(Word());
            case '<' when Position + 1 < text.Length && text[Position + 1] == '<':
                return ReadDictionary(depth);
            case '<':
                var close = text.IndexOf('>', Position);
                if (close < 0)
                {
                    throw new PdfFormatException("A hex string is not closed.");
                }

                var hex = text[Position..(close + 1)];
                Position = close + 1;
                return new PdfAtom(hex);
            case '(':
                return ReadLiteralString();
            case '[':
                Position++;
                var items = new List<PdfObject>();
                while (true)
                {
                    SkipWhite();
                    if (Position >= text.Length)
                    {
                        throw new PdfFormatException("An array is not closed.");
                    }

                    if (text[Position] == ']')
                    {
                        Position++;
                        return new PdfArray(items);
                    }

                    items.Add(ReadObject(depth + 1));
                }

            default:
                var word = Word();
                if (word.Length == 0)
                {
                    throw new PdfFormatException($"Unexpected '{c}' at {Position}.");
                }

                if (IsInteger(word))
                {
                    // "n g R" is a reference.
                    var save = Position;
                    var generation = Word();
                    if (IsInteger(generation) && Word() == "R")
                    {
                        return new PdfReference(int.Parse(word, CultureInfo.InvariantCulture), int.Parse(generation, CultureInfo.InvariantCulture));
                    }

                    Position = save;
                }

                return new PdfAtom(word);
        }
    }

    private PdfDictionary ReadDictionary(int depth)
    {
        Position += 2;
        var entries = new List<KeyValuePair<string, PdfObject>>();
        while (true)
        {
            SkipWhite();
            if (Position + 1 >= text.Length)
            {
                throw new PdfFormatException("A dictionary is not closed.");
            }

            if (text[Position] == '>' && text[Position + 1] == '>')
            {
                Position += 2;
                return new PdfDictionary(entries);
            }

            if (text[Position] != '/')
            {
                throw new PdfFormatException($"A dictionary key was expected at {Position}.");
            }

            Position++;
            var key = Word();
            entries.Add(new(key, ReadObject(depth + 1)));
        }
    }

    private PdfAtom ReadLiteralString()
    {
        var start = Position;
        var nesting = 0;
        while (Position < text.Length)
        {
            var c = text[Position++];
            if (c == '\\')
            {
                Position++;
            }
            else if (c == '(')
            {
                nesting++;
            }
            else if (c == ')' && --nesting == 0)
            {
                return new PdfAtom(text[start..Position]);
            }
        }

        throw new PdfFormatException("A string is not closed.");
    }

    private static bool IsInteger(string word) =>
        word.Length is > 0 and < 11 && word.All(char.IsAsciiDigit);
}

/// <summary>Writes PDF text strings: literal for plain ASCII, UTF-16BE with a byte order mark otherwise.</summary>
internal static class PdfText
{
    public static string Encode(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            return "(" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")";
        }

        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";
    }

    /// <summary>A PDF date in WIB, e.g. <c>D:20261123143000+07'00'</c>.</summary>
    public static string Date(DateTimeOffset instant)
    {
        var wib = Superapps.SharedKernel.Wib.ToWib(instant);
        var offset = wib.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture, $"(D:{wib:yyyyMMddHHmmss}{sign}{Math.Abs(offset.Hours):00}'{Math.Abs(offset.Minutes):00}')");
    }

    /// <summary>Reads a PDF date (<c>D:YYYYMMDDHHmmSS+HH'mm'</c>, later parts optional).</summary>
    public static DateTimeOffset? ParseDate(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.StartsWith("D:", StringComparison.Ordinal) ? value[2..] : value;
        if (text.Length < 4 || !text[..4].All(char.IsAsciiDigit))
        {
            return null;
        }

        int Part(int index, int length, int fallback) =>
            text.Length >= index + length && int.TryParse(text.AsSpan(index, length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : fallback;

        try
        {
            var offset = TimeSpan.Zero;
            if (text.Length > 14 && text[14] is '+' or '-')
            {
                offset = new TimeSpan(Part(15, 2, 0), Part(18, 2, 0), 0);
                if (text[14] == '-')
                {
                    offset = -offset;
                }
            }

            return new DateTimeOffset(Part(0, 4, 1), Part(4, 2, 1), Part(6, 2, 1), Part(8, 2, 0), Part(10, 2, 0), Part(12, 2, 0), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
