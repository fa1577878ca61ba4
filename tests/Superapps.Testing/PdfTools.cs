using System.Globalization;

namespace Superapps.Testing;

/// <summary>Checks and reads PDF files with the machine's qpdf and poppler tools (through <see cref="ExternalTool"/>).</summary>
public static class PdfTools
{
    /// <summary>
    /// Checks the file's structure with <c>qpdf --check</c> and returns what qpdf said; throws <see cref="ExternalToolException"/>
    /// with qpdf's findings unless it passed without warnings (exit code 0).
    /// </summary>
    public static async Task<string> CheckWithQpdfAsync(string path, CancellationToken cancellationToken = default) =>
        (await ExternalTool.RunCheckedAsync("qpdf", ["--check", path], cancellationToken: cancellationToken)).Output;

    /// <summary>The number of pages (<c>qpdf --show-npages</c>).</summary>
    public static async Task<int> PageCountAsync(string path, CancellationToken cancellationToken = default)
    {
        var result = await ExternalTool.RunCheckedAsync("qpdf", ["--show-npages", path], cancellationToken: cancellationToken);
        return int.Parse(result.StandardOutput.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The text of the file, or of pages <paramref name="firstPage"/> to <paramref name="lastPage"/>, laid out as on the page (<c>pdftotext -layout</c>).</summary>
    public static async Task<string> ToTextAsync(string path, int? firstPage = null, int? lastPage = null, CancellationToken cancellationToken = default)
    {
        List<string> arguments = ["-layout", .. PageRange(firstPage, lastPage), path, "-"];
        return (await ExternalTool.RunCheckedAsync("pdftotext", arguments, cancellationToken: cancellationToken)).StandardOutput;
    }

    /// <summary>
    /// Renders pages to PNG at <paramref name="dpi"/> (<c>pdftoppm -png</c>): one file <c>{prefix}-{page}.png</c> per page, or
    /// <c>{prefix}.png</c> when <paramref name="firstPage"/> and <paramref name="lastPage"/> name one page.
    /// </summary>
    public static async Task ToPngAsync(string path, string prefix, int dpi = 70, int? firstPage = null, int? lastPage = null,
        CancellationToken cancellationToken = default)
    {
        var single = firstPage is not null && firstPage == lastPage;
        List<string> arguments = ["-png", "-r", dpi.ToString(CultureInfo.InvariantCulture), .. PageRange(firstPage, lastPage)];
        if (single)
        {
            arguments.Add("-singlefile");
        }

        arguments.AddRange([path, prefix]);
        await ExternalTool.RunCheckedAsync("pdftoppm", arguments, cancellationToken: cancellationToken);
    }

    private static IEnumerable<string> PageRange(int? firstPage, int? lastPage)
    {
        if (firstPage is { } first)
        {
            yield return "-f";
            yield return first.ToString(CultureInfo.InvariantCulture);
        }

        if (lastPage is { } last)
        {
            yield return "-l";
            yield return last.ToString(CultureInfo.InvariantCulture);
        }
    }
}
