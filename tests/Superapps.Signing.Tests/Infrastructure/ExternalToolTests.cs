using System.Diagnostics;
using Superapps.Testing;

namespace Superapps.Signing.Tests.Infrastructure;

/// <summary>
/// The runner of external tools the Signing, Letters and browser tests share (Superapps.Testing): its failures say what ran and
/// what it complained about, and a tool that hangs is killed with its children. Here because the Signing tests lean on it most.
/// </summary>
public sealed class ExternalToolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_result_keeps_the_exit_code_and_both_streams()
    {
        var result = await ExternalTool.RunAsync("sh", ["-c", "echo out; echo err >&2; exit 3"], cancellationToken: Ct);

        result.ExitCode.ShouldBe(3);
        result.StandardOutput.ShouldBe("out\n");
        result.StandardError.ShouldBe("err\n");
        result.CommandLine.ShouldBe("sh -c 'echo out; echo err >&2; exit 3'");
    }

    [Fact]
    public async Task A_failure_names_the_command_line_the_exit_code_and_stderr()
    {
        var failure = await Should.ThrowAsync<ExternalToolException>(() =>
            ExternalTool.RunCheckedAsync("sh", ["-c", "echo 'cannot open file' >&2; exit 2", "ignored"], cancellationToken: Ct));

        failure.Message.ShouldContain("sh -c");
        failure.Message.ShouldContain("exited with 2");
        failure.Message.ShouldContain("cannot open file");
        failure.Result.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_missing_program_is_reported_by_name()
    {
        var failure = await Should.ThrowAsync<ExternalToolException>(() => ExternalTool.RunAsync("superapps-no-such-tool", ["--version"], cancellationToken: Ct));

        failure.Message.ShouldContain("superapps-no-such-tool --version");
    }

    [Fact]
    public async Task A_tool_that_hangs_is_killed_with_its_children_at_the_time_limit()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"superapps-tool-{Guid.NewGuid():N}.pid");
        var watch = Stopwatch.StartNew();

        var timeout = await Should.ThrowAsync<TimeoutException>(() => ExternalTool.RunAsync("sh",
            ["-c", $"echo started >&2; sleep 300 & echo $! > '{pidFile}'; wait"], TimeSpan.FromSeconds(5), Ct));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        timeout.Message.ShouldContain("within 5 s");
        timeout.Message.ShouldContain("started");
        var child = int.Parse(await File.ReadAllTextAsync(pidFile, Ct), System.Globalization.CultureInfo.InvariantCulture);
        File.Delete(pidFile);
        // The killed child goes (a zombie until init reaps it): wait for that, never for the 300 s of its sleep.
        var deadline = Stopwatch.StartNew();
        while (State(child) is not (null or "Z" or "X") && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, Ct);
        }

        State(child).ShouldBeOneOf(null, "Z", "X");
    }

    private static string? State(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
