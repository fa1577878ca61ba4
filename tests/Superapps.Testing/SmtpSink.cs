using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Superapps.Testing;

/// <summary>A message an <see cref="SmtpSink"/> received: envelope and the raw MIME text (dot-unstuffed).</summary>
public sealed record SmtpMessage(string From, IReadOnlyList<string> Recipients, string Data);

/// <summary>
/// A small SMTP server on 127.0.0.1 and a free port that accepts every message and keeps it: enough SMTP for MailKit
/// (greeting, EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), no TLS, no authentication. Tests wait on
/// <see cref="WaitForAsync"/>, which returns as soon as the condition holds.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<SmtpMessage> _messages = [];
    private readonly Task _accepting;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Host => "127.0.0.1";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<SmtpMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Waits until the received messages satisfy <paramref name="condition"/>; fails after <paramref name="timeout"/> (default 15 s).</summary>
    public async Task<IReadOnlyList<SmtpMessage>> WaitForAsync(Func<IReadOnlyList<SmtpMessage>, bool> condition, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task changed;
            lock (_messages)
            {
                if (condition([.. _messages]))
                {
                    return [.. _messages];
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The SMTP sink did not receive the expected messages; it has {Messages.Count}.");
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 127.0.0.1 Superapps test SMTP sink");
            string from = string.Empty;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-127.0.0.1\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 127.0.0.1");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        lock (_messages)
                        {
                            _messages.Add(new SmtpMessage(from, [.. recipients], data.ToString()));
                            var changed = _changed;
                            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                            changed.TrySetResult();
                        }

                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the sink stops.
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _listener.Dispose();
        _stop.Dispose();
    }
}
