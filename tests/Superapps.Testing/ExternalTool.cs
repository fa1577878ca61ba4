using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Superapps.Testing;

/// <summary>What an external program did: its exit code and everything it wrote.</summary>
/// <param name="CommandLine">The program and its arguments as a shell would show them, for messages.</param>
public sealed record ToolResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Standard output followed by standard error (pdfsig, for one, reports on both).</summary>
    public string Output => StandardOutput + StandardError;

    /// <summary>Throws unless the program exited with 0, naming the command line, the exit code and what it wrote to standard error.</summary>
    public ToolResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new ExternalToolException(this);
        }

        return this;
    }
}

/// <summary>An external program failed; the message holds the command line, the exit code and its standard error.</summary>
public sealed class ExternalToolException(ToolResult result) : Exception(Describe(result))
{
    public ToolResult Result { get; } = result;

    private static string Describe(ToolResult result)
    {
        var message = new StringBuilder().Append(CultureInfo.InvariantCulture, $"`{result.CommandLine}` exited with {result.ExitCode}.");
        if (result.StandardError.Trim() is { Length: > 0 } error)
        {
            message.Append("\nstderr:\n").Append(error);
        }

        // Some tools (qpdf --check) explain a failure on standard output.
        if (result.StandardOutput.Trim() is { Length: > 0 } output)
        {
            message.Append("\nstdout:\n").Append(output.Length > 4000 ? output[..4000] + "…" : output);
        }

        return message.ToString();
    }
}

/// <summary>
/// Runs the machine's command-line tools (qpdf, poppler's pdfsig, pdftotext and pdftoppm, NSS's certutil, openssl) from tests:
/// arguments passed one by one (no shell, no quoting), output and errors captured, a time limit after which the process and
/// its children are killed.
/// </summary>
public static class ExternalTool
{
    /// <summary>The time limit when a test gives none: generous, since two cores are shared by several test runs.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="fileName"/> and returns its exit code and output whatever the exit code.</summary>
    /// <exception cref="ExternalToolException">The program could not be started.</exception>
    /// <exception cref="TimeoutException">The program did not finish within <paramref name="timeout"/>; it has been killed with its children.</exception>
    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var commandLine = CommandLine(fileName, start.ArgumentList);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ExternalToolException(new ToolResult(commandLine, -1, string.Empty, "The process did not start."));
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ExternalToolException(new ToolResult(commandLine, -1, string.Empty, $"Could not start {fileName}: {ex.Message}. Is it installed?"));
        }

        using (process)
        {
            // No tool here reads standard input; closing it makes one that would fail at once instead of waiting.
            process.StandardInput.Close();
            var limit = timeout ?? DefaultTimeout;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(limit);
            // Both pipes are read while the process runs, so a chatty tool never blocks on a full pipe.
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                cancellationToken.ThrowIfCancellationRequested();
                var written = await WrittenSoFarAsync(error);
                throw new TimeoutException($"`{commandLine}` did not finish within {limit.TotalSeconds:0.#} s and was killed with its children."
                    + (written.Length > 0 ? "\nstderr so far:\n" + written : string.Empty));
            }

            return new ToolResult(commandLine, process.ExitCode, await output, await error);
        }
    }

    /// <inheritdoc cref="RunAsync(string, IEnumerable{string}, TimeSpan?, CancellationToken)"/>
    public static Task<ToolResult> RunAsync(string fileName, params string[] arguments) => RunAsync(fileName, arguments, timeout: null);

    /// <summary>Runs <paramref name="fileName"/> and returns its result, or throws <see cref="ExternalToolException"/> unless it exited with 0.</summary>
    public static async Task<ToolResult> RunCheckedAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        (await RunAsync(fileName, arguments, timeout, cancellationToken)).EnsureSuccess();

    /// <inheritdoc cref="RunCheckedAsync(string, IEnumerable{string}, TimeSpan?, CancellationToken)"/>
    public static Task<ToolResult> RunCheckedAsync(string fileName, params string[] arguments) => RunCheckedAsync(fileName, arguments, timeout: null);

    /// <summary>What a killed process had written: its pipe closes with it, unless a grandchild still holds it open.</summary>
    private static async Task<string> WrittenSoFarAsync(Task<string> pipe)
    {
        try
        {
            return (await pipe.WaitAsync(TimeSpan.FromSeconds(5))).Trim();
        }
        catch (TimeoutException)
        {
            return string.Empty;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
            // It ended between the time-out and the kill.
        }
    }

    private static string CommandLine(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,+@%".Contains(c)) ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
