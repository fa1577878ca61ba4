using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Superapps.Signing.Pdf;

/// <summary>
/// A PDF's cross-reference and objects, read far enough to add a signature as an incremental update: classic xref tables
/// (what PDFsharp writes) and cross-reference streams with object streams (Flate, PNG predictors), following <c>/Prev</c>.
/// Encrypted files are refused.
/// </summary>
internal sealed class PdfFile
{
    private const int MaxSections = 256;
    private readonly Dictionary<int, XrefEntry> _entries = [];
    private readonly Dictionary<int, (string Text, int[] Numbers, int[] Offsets, int First)> _objectStreams = [];

    private PdfFile(byte[] bytes)
    {
        Bytes = bytes;
        Text = Encoding.Latin1.GetString(bytes);
    }

    public byte[] Bytes { get; }

    /// <summary>The file as Latin-1 text: character i is byte i.</summary>
    public string Text { get; }

    /// <summary>The newest trailer (or cross-reference stream dictionary).</summary>
    public PdfDictionary Trailer { get; private set; } = new([]);

    /// <summary>Where the newest cross-reference section starts (the next update's <c>/Prev</c>).</summary>
    public long StartXref { get; private set; }

    public int Size => (int)((Trailer["Size"] as PdfAtom)?.AsInteger ?? throw new PdfFormatException("The trailer has no /Size."));

    public static PdfFile Open(byte[] bytes)
    {
        if (bytes.Length < 16 || !Encoding.ASCII.GetString(bytes, 0, Math.Min(1024, bytes.Length)).Contains("%PDF-", StringComparison.Ordinal))
        {
            throw new PdfFormatException("Not a PDF.");
        }

        var tail = Encoding.ASCII.GetString(bytes, Math.Max(0, bytes.Length - 1024), Math.Min(1024, bytes.Length));
        if (!tail.Contains("%%EOF", StringComparison.Ordinal))
        {
            throw new PdfFormatException("The file does not end with %%EOF: it is truncated.");
        }

        var file = new PdfFile(bytes);
        file.ReadCrossReference();
        return file;
    }

    public int GenerationOf(int number) => _entries.TryGetValue(number, out var entry) && entry.Kind == 1 ? entry.Generation : 0;

    public PdfObject Resolve(PdfObject? value, int depth = 0) => value switch
    {
        PdfReference reference when depth < 32 => Resolve(GetObject(reference.Number), depth + 1),
        null => throw new PdfFormatException("A required entry is missing."),
        _ => value,
    };

    public PdfDictionary ResolveDictionary(PdfObject? value) =>
        Resolve(value) as PdfDictionary ?? throw new PdfFormatException("A dictionary was expected.");

    /// <summary>The object with this number in its newest revision.</summary>
    public PdfObject GetObject(int number)
    {
        if (!_entries.TryGetValue(number, out var entry) || entry.Kind == 0)
        {
            return new PdfAtom("null");
        }

        if (entry.Kind == 1)
        {
            var lexer = new PdfLexer(Text, checked((int)entry.Offset));
            var objectNumber = lexer.Word();
            lexer.Word();
            if (objectNumber != number.ToString(CultureInfo.InvariantCulture) || lexer.Word() != "obj")
            {
                throw new PdfFormatException($"Object {number} is not where the cross-reference says.");
            }

            return lexer.ReadObject();
        }

        var stream = LoadObjectStream((int)entry.Offset);
        var index = Array.IndexOf(stream.Numbers, number);
        if (index < 0)
        {
            throw new PdfFormatException($"Object {number} is missing from its object stream.");
        }

        return new PdfLexer(stream.Text, stream.First + stream.Offsets[index]).ReadObject();
    }

    /// <summary>Page 1's object number and dictionary.</summary>
    public (PdfReference Reference, PdfDictionary Page) FirstPage()
    {
        var catalog = ResolveDictionary(Trailer["Root"]);
        var node = catalog["Pages"] as PdfReference ?? throw new PdfFormatException("The catalog has no page tree.");
        for (var depth = 0; depth < 32; depth++)
        {
            var dictionary = ResolveDictionary(node);
            if (dictionary["Kids"] is null)
            {
                return (node, dictionary);
            }

            var kids = Resolve(dictionary["Kids"]) as PdfArray;
            node = kids?.Items.FirstOrDefault() as PdfReference ?? throw new PdfFormatException("The document has no pages.");
        }

        throw new PdfFormatException("The page tree is too deep.");
    }

    private void ReadCrossReference()
    {
        var startxref = Text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (startxref < 0)
        {
            throw new PdfFormatException("No startxref: the file is truncated.");
        }

        var lexer = new PdfLexer(Text, startxref + "startxref".Length);
        if (!long.TryParse(lexer.Word(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset <= 0 || offset >= Bytes.Length)
        {
            throw new PdfFormatException("The startxref offset is not valid.");
        }

        StartXref = offset;
        var seen = new HashSet<long>();
        var first = true;
        while (offset > 0 && seen.Add(offset) && seen.Count < MaxSections)
        {
            var section = ReadSection(offset);
            if (first)
            {
                Trailer = section;
                first = false;
                if (section["Encrypt"] is not null)
                {
                    throw new PdfFormatException("The PDF is encrypted.");
                }
            }

            offset = (section["Prev"] as PdfAtom)?.AsInteger ?? 0;
            if (offset < 0 || offset >= Bytes.Length)
            {
                throw new PdfFormatException("A /Prev offset is not valid.");
            }
        }
    }

    private PdfDictionary ReadSection(long offset)
    {
        var lexer = new PdfLexer(Text, checked((int)offset));
        if (lexer.Word(peek: true) == "xref")
        {
            lexer.Word();
            while (true)
            {
                var word = lexer.Word(peek: true);
                if (word == "trailer")
                {
                    lexer.Word();
                    var trailer = lexer.ReadObject() as PdfDictionary ?? throw new PdfFormatException("The trailer is not a dictionary.");
                    if ((trailer["XRefStm"] as PdfAtom)?.AsInteger is { } hybrid and > 0 && hybrid < Bytes.Length)
                    {
                        ReadSection(hybrid);
                    }

                    return trailer;
                }

                if (!int.TryParse(lexer.Word(), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                    || !int.TryParse(lexer.Word(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 0)
                {
                    throw new PdfFormatException("The cross-reference table is malformed.");
                }

                for (var i = 0; i < count; i++)
                {
                    var entryOffset = lexer.Word();
                    var generation = lexer.Word();
                    var kind = lexer.Word();
                    if (!long.TryParse(entryOffset, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                        || !int.TryParse(generation, NumberStyles.None, CultureInfo.InvariantCulture, out var gen) || kind is not ("n" or "f"))
                    {
                        throw new PdfFormatException("A cross-reference entry is malformed.");
                    }

                    _entries.TryAdd(start + i, new XrefEntry(kind == "n" ? 1 : 0, value, gen));
                }
            }
        }

        // A cross-reference stream: "n g obj << /Type /XRef ... >> stream ... endstream".
        lexer.Word();
        lexer.Word();
        if (lexer.Word() != "obj")
        {
            throw new PdfFormatException("No cross-reference at the startxref offset.");
        }

        var dictionary = lexer.ReadObject() as PdfDictionary ?? throw new PdfFormatException("The cross-reference stream is malformed.");
        if ((dictionary["Type"] as PdfName)?.Value != "XRef")
        {
            throw new PdfFormatException("No cross-reference at the startxref offset.");
        }

        var data = StreamData(dictionary, lexer);
        var widths = (dictionary["W"] as PdfArray)?.Items.Select(i => (int)((i as PdfAtom)?.AsInteger ?? -1)).ToArray();
        if (widths is not { Length: 3 } || widths.Any(w => w is < 0 or > 8))
        {
            throw new PdfFormatException("The cross-reference stream's /W is malformed.");
        }

        var size = (int)((dictionary["Size"] as PdfAtom)?.AsInteger ?? 0);
        var index = (dictionary["Index"] as PdfArray)?.Items.Select(i => (int)((i as PdfAtom)?.AsInteger ?? 0)).ToArray() ?? [0, size];
        var rowLength = widths.Sum();
        var position = 0;
        for (var pair = 0; pair + 1 < index.Length; pair += 2)
        {
            for (var i = 0; i < index[pair + 1]; i++)
            {
                if (position + rowLength > data.Length)
                {
                    throw new PdfFormatException("The cross-reference stream is truncated.");
                }

                var type = widths[0] == 0 ? 1 : Field(data, position, widths[0]);
                var field2 = Field(data, position + widths[0], widths[1]);
                var field3 = Field(data, position + widths[0] + widths[1], widths[2]);
                position += rowLength;
                _entries.TryAdd(index[pair] + i, type switch
                {
                    1 => new XrefEntry(1, field2, (int)field3),
                    2 => new XrefEntry(2, field2, (int)field3),
                    _ => new XrefEntry(0, 0, 0),
                });
            }
        }

        return dictionary;
    }

    private (string Text, int[] Numbers, int[] Offsets, int First) LoadObjectStream(int number)
    {
        if (_objectStreams.TryGetValue(number, out var cached))
        {
            return cached;
        }

        if (!_entries.TryGetValue(number, out var entry) || entry.Kind != 1)
        {
            throw new PdfFormatException($"Object stream {number} is missing.");
        }

        var lexer = new PdfLexer(Text, checked((int)entry.Offset));
        lexer.Word();
        lexer.Word();
        lexer.Word();
        var dictionary = lexer.ReadObject() as PdfDictionary ?? throw new PdfFormatException("An object stream is malformed.");
        var text = Encoding.Latin1.GetString(StreamData(dictionary, lexer));
        var count = (int)((dictionary["N"] as PdfAtom)?.AsInteger ?? 0);
        var first = (int)((dictionary["First"] as PdfAtom)?.AsInteger ?? 0);
        var header = new PdfLexer(text, 0);
        var numbers = new int[count];
        var offsets = new int[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = int.Parse(header.Word(), CultureInfo.InvariantCulture);
            offsets[i] = int.Parse(header.Word(), CultureInfo.InvariantCulture);
        }

        return _objectStreams[number] = (text, numbers, offsets, first);
    }

    /// <summary>A stream's decoded data (no filter or FlateDecode, with PNG predictors).</summary>
    private byte[] StreamData(PdfDictionary dictionary, PdfLexer lexer)
    {
        if (lexer.Word() != "stream")
        {
            throw new PdfFormatException("A stream was expected.");
        }

        var start = lexer.Position;
        if (start < Text.Length && Text[start] == '\r')
        {
            start++;
        }

        if (start < Text.Length && Text[start] == '\n')
        {
            start++;
        }

        var length = (dictionary["Length"] as PdfAtom)?.AsInteger ?? (dictionary["Length"] is PdfReference r ? (Resolve(r) as PdfAtom)?.AsInteger : null);
        if (length is null || length < 0 || start + length > Bytes.Length)
        {
            throw new PdfFormatException("A stream's length is not valid.");
        }

        var raw = Bytes.AsSpan(start, (int)length.Value).ToArray();
        var filter = dictionary["Filter"] switch
        {
            PdfName name => name.Value,
            PdfArray { Items: [PdfName single] } => single.Value,
            null => null,
            _ => "unsupported",
        };
        if (filter is null)
        {
            return raw;
        }

        if (filter != "FlateDecode")
        {
            throw new PdfFormatException($"Stream filter {filter} is not supported here.");
        }

        byte[] data;
        try
        {
            using var input = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            data = output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new PdfFormatException("A compressed stream is damaged.");
        }

        var parameters = dictionary["DecodeParms"] as PdfDictionary;
        var predictor = (parameters?["Predictor"] as PdfAtom)?.AsInteger ?? 1;
        if (predictor < 10)
        {
            return data;
        }

        var columns = (int)((parameters?["Columns"] as PdfAtom)?.AsInteger ?? 1);
        return UndoPng(data, columns);
    }

    private static byte[] UndoPng(byte[] data, int columns)
    {
        var rowLength = columns + 1;
        var rows = data.Length / rowLength;
        var output = new byte[rows * columns];
        var previous = new byte[columns];
        for (var row = 0; row < rows; row++)
        {
            var type = data[row * rowLength];
            var current = output.AsSpan(row * columns, columns);
            for (var i = 0; i < columns; i++)
            {
                var raw = data[(row * rowLength) + 1 + i];
                var left = i > 0 ? current[i - 1] : (byte)0;
                var up = previous[i];
                var upLeft = i > 0 ? previous[i - 1] : (byte)0;
                current[i] = type switch
                {
                    0 => raw,
                    1 => (byte)(raw + left),
                    2 => (byte)(raw + up),
                    3 => (byte)(raw + ((left + up) / 2)),
                    4 => (byte)(raw + Paeth(left, up, upLeft)),
                    _ => throw new PdfFormatException("Unknown PNG predictor."),
                };
            }

            current.CopyTo(previous);
        }

        return output;
    }

    private static byte Paeth(byte a, byte b, byte c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static long Field(byte[] data, int offset, int width)
    {
        long value = 0;
        for (var i = 0; i < width; i++)
        {
            value = (value << 8) | data[offset + i];
        }

        return value;
    }

    private readonly record struct XrefEntry(int Kind, long Offset, int Generation);
}
