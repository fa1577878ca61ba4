using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.Letters.Pages.Letter.Components;

/// <summary>Where the voice recorder is.</summary>
public enum RecorderState
{
    Idle,
    Starting,
    Recording,
    Recorded,

    /// <summary>The user or the browser refused the microphone.</summary>
    Denied,

    /// <summary>The browser cannot record (no getUserMedia or MediaRecorder, or not a secure page).</summary>
    Unsupported,

    /// <summary>No microphone was found.</summary>
    NoDevice,
    Failed,
}

/// <summary>A finished recording, still in the browser; <see cref="OpenAsync"/> streams it to the server.</summary>
public sealed record VoiceRecording(string FileName, string ContentType, long Size, int Seconds, Func<CancellationToken, Task<Stream>> OpenAsync);

/// <summary>What the browser answers when a recording stops.</summary>
public sealed record BrowserRecording(string Url, string MimeType, long Size, int Seconds);

/// <summary>
/// Records a voice instruction with the browser's microphone (wwwroot/js/voice-recorder.js): record, stop, play back, discard,
/// with the elapsed time and a length limit. The audio stays in the browser until the form is sent; the server then reads it
/// as a stream (<see cref="IJSStreamReference"/>), so a long recording never travels as one large SignalR message.
/// </summary>
public sealed partial class VoiceRecorder
{
    public const string ModulePath = "./_content/Superapps.Letters/js/voice-recorder.js";

    private readonly string _key = Guid.NewGuid().ToString("N");
    private IJSObjectReference? _module;
    private DotNetObjectReference<VoiceRecorder>? _self;
    private CancellationTokenSource? _ticking;
    private DateTimeOffset _startedAt;
    private BrowserRecording? _recording;
    private bool _limitReached;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>The longest recording, in seconds; the recorder stops by itself there.</summary>
    [Parameter]
    public int MaxSeconds { get; set; } = 120;

    /// <summary>The most bytes the server reads of a recording.</summary>
    [Parameter]
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>A recording is ready (or null: discarded).</summary>
    [Parameter]
    public EventCallback<VoiceRecording?> RecordingChanged { get; set; }

    /// <summary>True while the microphone is being asked for or recording: the form should wait.</summary>
    [Parameter]
    public EventCallback<bool> BusyChanged { get; set; }

    public RecorderState State { get; private set; } = RecorderState.Idle;

    private int ElapsedSeconds => State == RecorderState.Recording ? (int)Math.Min(MaxSeconds, (Time.GetUtcNow() - _startedAt).TotalSeconds) : 0;

    private string? Problem => State switch
    {
        RecorderState.Denied => T("Izin mikrofon ditolak. Izinkan mikrofon untuk situs ini di pengaturan peramban, lalu coba lagi.",
            "Microphone access was denied. Allow the microphone for this site in the browser's settings, then try again."),
        RecorderState.Unsupported => T("Peramban ini tidak dapat merekam suara. Tulis instruksi sebagai catatan, atau gunakan peramban terbaru.",
            "This browser cannot record audio. Write the instruction as a note, or use an up-to-date browser."),
        RecorderState.NoDevice => T("Mikrofon tidak ditemukan. Pasang mikrofon lalu coba lagi.", "No microphone was found. Connect one and try again."),
        RecorderState.Failed => T("Perekaman tidak dapat dimulai. Coba lagi.", "Recording could not start. Please try again."),
        _ => null,
    };

    private static string Clock(int seconds) => $"{seconds / 60}:{seconds % 60:D2}";

    private async Task<IJSObjectReference> ModuleAsync() => _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);

    private async Task StartAsync()
    {
        await ForgetAsync();
        State = RecorderState.Starting;
        await BusyChanged.InvokeAsync(true);
        _self ??= DotNetObjectReference.Create(this);
        string answer;
        try
        {
            answer = await (await ModuleAsync()).InvokeAsync<string>("start", _key, _self, MaxSeconds) ?? "error";
        }
        catch (JSException)
        {
            answer = "error";
        }

        State = answer switch
        {
            "recording" => RecorderState.Recording,
            "denied" => RecorderState.Denied,
            "unsupported" => RecorderState.Unsupported,
            "nodevice" => RecorderState.NoDevice,
            _ => RecorderState.Failed,
        };
        if (State == RecorderState.Recording)
        {
            _startedAt = Time.GetUtcNow();
            _ticking = new CancellationTokenSource();
            _ = TickAsync(_ticking.Token);
        }
        else
        {
            await BusyChanged.InvokeAsync(false);
        }
    }

    /// <summary>Redraws the elapsed time while recording.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task StopAsync()
    {
        BrowserRecording? result;
        try
        {
            result = await (await ModuleAsync()).InvokeAsync<BrowserRecording?>("stop", _key);
        }
        catch (JSException)
        {
            result = null;
        }

        await RecordedAsync(result, limitReached: false);
    }

    /// <summary>The browser stopped at the length limit.</summary>
    [JSInvokable]
    public Task OnLimitReached(BrowserRecording result) => InvokeAsync(() => RecordedAsync(result, limitReached: true));

    private async Task RecordedAsync(BrowserRecording? result, bool limitReached)
    {
        StopTicking();
        if (result is null || result.Size == 0)
        {
            State = RecorderState.Failed;
            await BusyChanged.InvokeAsync(false);
            return;
        }

        _recording = result;
        _limitReached = limitReached;
        State = RecorderState.Recorded;
        var contentType = result.MimeType.Split(';')[0].Trim();
        var extension = contentType switch
        {
            "audio/ogg" => "ogg",
            "audio/mp4" => "m4a",
            "audio/wav" => "wav",
            _ => "webm",
        };
        await RecordingChanged.InvokeAsync(new VoiceRecording($"instruksi-suara.{extension}", contentType, result.Size, result.Seconds, OpenAsync));
        await BusyChanged.InvokeAsync(false);
        StateHasChanged();
    }

    private async Task DiscardAsync()
    {
        await ForgetAsync();
        State = RecorderState.Idle;
        await RecordingChanged.InvokeAsync(null);
    }

    /// <summary>Streams the recording from the browser, within <see cref="MaxBytes"/>.</summary>
    private async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        var module = await ModuleAsync();
        await using var reference = await module.InvokeAsync<IJSStreamReference>("data", cancellationToken, _key);
        await using var source = await reference.OpenReadStreamAsync(MaxBytes, cancellationToken);
        var copy = new MemoryStream();
        await source.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return copy;
    }

    private async Task ForgetAsync()
    {
        StopTicking();
        _recording = null;
        _limitReached = false;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("discard", _key);
        }
    }

    private void StopTicking()
    {
        _ticking?.Cancel();
        _ticking?.Dispose();
        _ticking = null;
    }

    public async ValueTask DisposeAsync()
    {
        StopTicking();
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("discard", _key);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser page with it.
        }

        _self?.Dispose();
    }
}
