using System.Diagnostics;

namespace Superapps.Letters.Tests.Documents;

/// <summary>The machine's PDF tools (qpdf, poppler's pdftotext and pdftoppm), run with a time limit.</summary>
internal static class PdfTools
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} took longer than {Limit}.");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult());
    }

    /// <summary>Checks the file's structure with <c>qpdf --check</c>; returns the page count.</summary>
    public static int CheckAndCountPages(string path)
    {
        var (check, checkOutput) = Run("qpdf", "--check", path);
        if (check != 0)
        {
            throw new InvalidOperationException($"qpdf --check failed ({check}) for {path}:\n{checkOutput}");
        }

        var (count, pages) = Run("qpdf", "--show-npages", path);
        if (count != 0)
        {
            throw new InvalidOperationException($"qpdf --show-npages failed for {path}: {pages}");
        }

        return int.Parse(pages.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Text(string path)
    {
        var (exit, text) = Run("pdftotext", "-layout", path, "-");
        if (exit != 0)
        {
            throw new InvalidOperationException($"pdftotext failed for {path}: {text}");
        }

        return text;
    }

    /// <summary>Renders the pages to PNG files <c>{prefix}-1.png</c>, … (pdftoppm at 70 dpi).</summary>
    public static void Screenshot(string path, string prefix)
    {
        var (exit, output) = Run("pdftoppm", "-png", "-r", "70", path, prefix);
        if (exit != 0)
        {
            throw new InvalidOperationException($"pdftoppm failed for {path}: {output}");
        }
    }

    /// <summary>The repository root (where Superapps.sln is): screenshots go to its artifacts/screenshots.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Superapps.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Superapps.sln was not found above the test's folder.");
    }
}
