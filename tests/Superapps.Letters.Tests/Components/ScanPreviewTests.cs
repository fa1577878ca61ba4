using Bunit;
using Microsoft.AspNetCore.Components;
using Superapps.Letters.Pages.Register.Components;
using Superapps.Testing;

namespace Superapps.Letters.Tests.Components;

/// <summary>The scan preview on the registration form, with the browser's file input played by bUnit's JS interop.</summary>
public sealed class ScanPreviewTests : SuperappsComponentTest
{
    private readonly BunitJSModuleInterop _browser;

    public ScanPreviewTests() => _browser = JSInterop.SetupModule(ScanPreview.ModulePath);

    private IRenderedComponent<ScanPreview> Render(bool hasFile) => Render<ScanPreview>(p => p
        .Add(x => x.HasFile, hasFile)
        .Add(x => x.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<input type=\"file\" />"))));

    [Fact]
    public void A_chosen_pdf_shows_in_a_frame_with_a_new_tab_link_and_the_input_is_watched()
    {
        var cut = Render(hasFile: true);
        _browser.VerifyInvoke("watch");

        cut.InvokeAsync(() => cut.Instance.OnPreview(new ScanPreview.FilePreview("blob:http://127.0.0.1/1", "pdf", "surat.pdf", 20_480)));

        cut.WaitForAssertion(() => cut.Find("iframe[data-testid=scan-preview]").GetAttribute("src").ShouldBe("blob:http://127.0.0.1/1"));
        cut.Find("[data-testid=scan-preview-open]").GetAttribute("href").ShouldBe("blob:http://127.0.0.1/1");
        cut.Markup.ShouldContain("surat.pdf (20 KB)");
    }

    [Fact]
    public void A_chosen_image_shows_as_an_image()
    {
        var cut = Render(hasFile: true);

        cut.InvokeAsync(() => cut.Instance.OnPreview(new ScanPreview.FilePreview("blob:http://127.0.0.1/2", "image", "surat.png", 1024)));

        cut.WaitForAssertion(() => cut.Find("img[data-testid=scan-preview]").GetAttribute("src").ShouldBe("blob:http://127.0.0.1/2"));
        cut.FindAll("iframe").ShouldBeEmpty();
    }

    [Fact]
    public void A_file_removed_from_the_form_is_no_longer_shown()
    {
        var cut = Render(hasFile: true);
        cut.InvokeAsync(() => cut.Instance.OnPreview(new ScanPreview.FilePreview("blob:http://127.0.0.1/3", "pdf", "surat.pdf", 1024)));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=scan-preview]").Count.ShouldBe(1));

        cut.Render(p => p.Add(x => x.HasFile, false));

        cut.FindAll("[data-testid=scan-preview]").ShouldBeEmpty();
    }
}
