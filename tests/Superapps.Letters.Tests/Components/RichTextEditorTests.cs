using Bunit;
using Microsoft.AspNetCore.Components;
using Superapps.Letters.Pages.Drafting.Components;
using Superapps.Testing;

namespace Superapps.Letters.Tests.Components;

/// <summary>The letter body editor, with the browser's side (wwwroot/js/rich-text-editor.js) played by bUnit's JS interop.</summary>
public sealed class RichTextEditorTests : SuperappsComponentTest
{
    private readonly BunitJSModuleInterop _browser;
    private readonly List<string?> _changes = [];

    public RichTextEditorTests() => _browser = JSInterop.SetupModule(RichTextEditor.ModulePath);

    private IRenderedComponent<RichTextEditor> Render(string? value = "<p>Dengan hormat,</p>") => Render<RichTextEditor>(p => p
        .Add(x => x.Value, value)
        .Add(x => x.Label, "Isi surat")
        .Add(x => x.ValueChanged, EventCallback.Factory.Create<string?>(this, v => _changes.Add(v))));

    [Fact]
    public void The_toolbar_names_every_button_in_Indonesian()
    {
        var cut = Render();

        var names = cut.FindAll("[data-testid=rich-text-toolbar] [data-command]").Select(b => b.GetAttribute("aria-label")).ToList();
        names.ShouldBe(["Tebal", "Miring", "Garis bawah", "Daftar bernomor", "Daftar berbutir", "Rata kiri", "Rata tengah", "Rata kanan",
            "Rata kiri-kanan", "Urungkan", "Ulangi"]);
        cut.Find("[data-testid=rich-text-toolbar]").GetAttribute("role").ShouldBe("toolbar");
        cut.Find("[data-command=bold]").GetAttribute("aria-pressed").ShouldBe("false");
        cut.Find("[data-command=undo]").HasAttribute("aria-pressed").ShouldBeFalse();
    }

    [Fact]
    public void The_toolbar_speaks_English_when_the_user_does()
    {
        UseEnglish();
        var cut = Render();

        cut.FindAll("[data-command]").Select(b => b.GetAttribute("aria-label")).ShouldContain("Numbered list");
    }

    [Fact]
    public void The_editing_area_is_labelled_editable_and_gets_the_value()
    {
        var cut = Render("<p>Dengan hormat,</p>");

        var area = cut.Find("[data-testid=rich-text-editor]");
        area.GetAttribute("contenteditable").ShouldBe("true");
        area.GetAttribute("role").ShouldBe("textbox");
        var label = cut.Find("#" + area.GetAttribute("aria-labelledby"));
        label.TextContent.ShouldBe("Isi surat");
        _browser.VerifyInvoke("attach").Arguments[3].ShouldBe("<p>Dengan hormat,</p>");
    }

    [Fact]
    public async Task Typing_reported_by_the_browser_raises_ValueChanged_once_per_change()
    {
        var cut = Render();

        await cut.InvokeAsync(() => cut.Instance.OnContentChanged("<p>Dengan hormat, <strong>Bapak</strong></p>"));
        await cut.InvokeAsync(() => cut.Instance.OnContentChanged("<p>Dengan hormat, <strong>Bapak</strong></p>"));

        _changes.ShouldBe(["<p>Dengan hormat, <strong>Bapak</strong></p>"]);
        cut.Instance.CurrentValue.ShouldBe("<p>Dengan hormat, <strong>Bapak</strong></p>");
    }

    [Fact]
    public void A_new_value_from_the_parent_is_shown_but_a_repeated_one_does_not_wipe_typing()
    {
        var cut = Render("<p>A</p>");
        cut.InvokeAsync(() => cut.Instance.OnContentChanged("<p>A diketik</p>"));

        cut.Render(p => p.Add(x => x.Value, "<p>A</p>"));
        _browser.Invocations.Where(i => i.Identifier == "setHtml").ShouldBeEmpty();

        cut.Render(p => p.Add(x => x.Value, "<p>Templat surat undangan</p>"));
        _browser.VerifyInvoke("setHtml").Arguments[1].ShouldBe("<p>Templat surat undangan</p>");
    }

    [Fact]
    public async Task What_was_typed_last_is_handed_over_when_the_editor_goes_away()
    {
        _browser.Setup<string?>("detach", _ => true).SetResult("<p>Kalimat terakhir</p>");
        var cut = Render();

        await cut.Instance.DisposeAsync();

        _changes.ShouldBe(["<p>Kalimat terakhir</p>"]);
    }

    [Fact]
    public void A_disabled_editor_does_not_edit()
    {
        var cut = Render<RichTextEditor>(p => p.Add(x => x.Value, "<p>x</p>").Add(x => x.Disabled, true));

        cut.Find("[data-testid=rich-text-editor]").GetAttribute("contenteditable").ShouldBe("false");
        cut.FindAll("[data-command]").ShouldAllBe(b => b.HasAttribute("disabled"));
        cut.Find("[data-testid=rich-text-editor]").GetAttribute("aria-label").ShouldBe("Isi surat");
    }
}
