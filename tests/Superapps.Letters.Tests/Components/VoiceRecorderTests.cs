using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Superapps.Letters.Pages.Letter.Components;
using Superapps.Testing;

namespace Superapps.Letters.Tests.Components;

/// <summary>The voice recorder's states, with the browser's side (wwwroot/js/voice-recorder.js) played by bUnit's JS interop.</summary>
public sealed class VoiceRecorderTests : SuperappsComponentTest
{
    private readonly BunitJSModuleInterop _browser;
    private readonly List<VoiceRecording?> _recordings = [];
    private readonly List<bool> _busy = [];

    public VoiceRecorderTests()
    {
        Services.AddSingleton(TimeProvider.System);
        _browser = JSInterop.SetupModule(VoiceRecorder.ModulePath);
    }

    private IRenderedComponent<VoiceRecorder> Render(long maxBytes = 1_000_000) => Render<VoiceRecorder>(p => p
        .Add(x => x.MaxSeconds, 120)
        .Add(x => x.MaxBytes, maxBytes)
        .Add(x => x.RecordingChanged, EventCallback.Factory.Create<VoiceRecording?>(this, r => _recordings.Add(r)))
        .Add(x => x.BusyChanged, EventCallback.Factory.Create<bool>(this, b => _busy.Add(b))));

    private static string State(IRenderedComponent<VoiceRecorder> cut) => cut.Find("[data-testid=voice-recorder]").GetAttribute("data-state")!;

    private IRenderedComponent<VoiceRecorder> Recording()
    {
        _browser.Setup<string>("start", _ => true).SetResult("recording");
        var cut = Render();
        cut.Find("[data-testid=voice-record]").Click();
        cut.WaitForAssertion(() => State(cut).ShouldBe("recording"));
        return cut;
    }

    [Fact]
    public void It_starts_idle_with_a_record_button_and_the_limit()
    {
        var cut = Render();

        State(cut).ShouldBe("idle");
        cut.Find("[data-testid=voice-record]").TextContent.ShouldContain("Rekam");
        cut.Markup.ShouldContain("Paling lama 2:00 menit");
        cut.FindAll("audio").ShouldBeEmpty();
    }

    [Fact]
    public void Recording_shows_the_time_and_a_stop_button_and_holds_the_form()
    {
        var cut = Recording();

        cut.Find("[data-testid=voice-elapsed]").TextContent.ShouldContain("/ 2:00");
        cut.FindAll("[data-testid=voice-stop]").ShouldHaveSingleItem();
        _busy.ShouldBe([true]);
        _browser.VerifyInvoke("start").Arguments[2].ShouldBe(120);
    }

    [Fact]
    public async Task A_stopped_recording_plays_back_is_handed_to_the_form_and_streams_within_the_limit()
    {
        var cut = Recording();
        _browser.Setup<BrowserRecording?>("stop", _ => true).SetResult(new BrowserRecording("blob:http://127.0.0.1/rekaman", "audio/webm;codecs=opus", 2048, 3));
        var bytes = new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 1, 2, 3 };
        var stream = new FakeStreamReference(bytes);
        _browser.Setup<IJSStreamReference>("data", _ => true).SetResult(stream);

        cut.Find("[data-testid=voice-stop]").Click();

        cut.WaitForAssertion(() => State(cut).ShouldBe("recorded"));
        cut.Find("[data-testid=voice-playback]").GetAttribute("src").ShouldBe("blob:http://127.0.0.1/rekaman");
        cut.Markup.ShouldContain("0:03");
        _busy.ShouldBe([true, false]);
        var recording = _recordings.ShouldHaveSingleItem().ShouldNotBeNull();
        recording.FileName.ShouldBe("instruksi-suara.webm");
        recording.ContentType.ShouldBe("audio/webm");
        recording.Size.ShouldBe(2048);

        await using var content = await cut.InvokeAsync(() => recording.OpenAsync(Xunit.TestContext.Current.CancellationToken));
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, Xunit.TestContext.Current.CancellationToken);
        copy.ToArray().ShouldBe(bytes);
        stream.MaxAllowedSize.ShouldBe(1_000_000);
    }

    [Fact]
    public void Discarding_forgets_the_recording_here_and_in_the_browser()
    {
        var cut = Recording();
        _browser.Setup<BrowserRecording?>("stop", _ => true).SetResult(new BrowserRecording("blob:x", "audio/ogg", 100, 1));
        cut.Find("[data-testid=voice-stop]").Click();
        cut.WaitForAssertion(() => State(cut).ShouldBe("recorded"));
        _recordings.Single()!.FileName.ShouldBe("instruksi-suara.ogg");

        cut.Find("[data-testid=voice-discard]").Click();

        cut.WaitForAssertion(() => State(cut).ShouldBe("idle"));
        _recordings.Last().ShouldBeNull();
        _browser.Invocations["discard"].Count.ShouldBeGreaterThanOrEqualTo(1);
        cut.FindAll("audio").ShouldBeEmpty();
    }

    [Fact]
    public void Reaching_the_limit_stops_by_itself_and_says_so()
    {
        var cut = Recording();

        cut.InvokeAsync(() => cut.Instance.OnLimitReached(new BrowserRecording("blob:y", "audio/webm", 90_000, 120)));

        cut.WaitForAssertion(() => State(cut).ShouldBe("recorded"));
        cut.Find("[data-testid=voice-limit]").TextContent.ShouldContain("Batas 2:00 menit tercapai");
    }

    [Fact]
    public void A_refused_microphone_is_explained_in_indonesian_and_can_be_asked_again()
    {
        _browser.Setup<string>("start", _ => true).SetResult("denied");
        var cut = Render();

        cut.Find("[data-testid=voice-record]").Click();

        cut.WaitForAssertion(() => State(cut).ShouldBe("denied"));
        cut.Find("[data-testid=voice-problem]").TextContent.ShouldContain("Izin mikrofon ditolak");
        cut.FindAll("[data-testid=voice-retry]").ShouldHaveSingleItem();
        _busy.ShouldBe([true, false]);
        _recordings.ShouldBeEmpty();
    }

    [Fact]
    public void A_browser_that_cannot_record_says_so_in_english_too()
    {
        UseEnglish();
        _browser.Setup<string>("start", _ => true).SetResult("unsupported");
        var cut = Render();

        cut.Find("[data-testid=voice-record]").Click();

        cut.WaitForAssertion(() => State(cut).ShouldBe("unsupported"));
        cut.Find("[data-testid=voice-problem]").TextContent.ShouldContain("This browser cannot record audio");
        cut.FindAll("[data-testid=voice-retry]").ShouldBeEmpty();
    }

    private sealed class FakeStreamReference(byte[] content) : IJSStreamReference
    {
        public long MaxAllowedSize { get; private set; }

        public long Length => content.LongLength;

        public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            MaxAllowedSize = maxAllowedSize;
            return ValueTask.FromResult<Stream>(new MemoryStream(content, writable: false));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
