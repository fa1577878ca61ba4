using Bunit;
using Superapps.Letters.Domain;
using Superapps.Letters.Pages.Letter.Components;
using Superapps.Testing;

namespace Superapps.Letters.Tests.Components;

public sealed class DispositionNodeViewTests : SuperappsComponentTest
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Kepala = new(Guid.NewGuid(), "Dra. Yusmaini", Guid.NewGuid(), "Kepala Dinas Komunikasi dan Informatika");

    private static Disposition Node() =>
        Disposition.Give(Guid.NewGuid(), Guid.NewGuid(), null, Kepala, Guid.NewGuid(), "Kepala Bidang Aplikasi dan Informatika", Guid.NewGuid(), "Daniel",
            ["Tindak lanjuti"], null, SentAt.AddHours(48), SentAt);

    private IRenderedComponent<DispositionNodeView> RenderNode(Disposition node, DateTimeOffset now) => Render<DispositionNodeView>(p => p
        .Add(x => x.Node, node)
        .Add(x => x.Tree, new DispositionTree([node]))
        .Add(x => x.Viewer, new Viewer(Guid.NewGuid(), "Pengamat", Guid.NewGuid(), new HashSet<Guid>(), false))
        .Add(x => x.Now, now)
        .Add(x => x.Files, []));

    [Fact]
    public void A_node_shows_when_its_reminder_went_out_and_when_it_was_escalated_in_WIB()
    {
        var node = Node();
        node.Remind(SentAt.AddHours(30));
        node.Escalate(SentAt.AddHours(49));

        var cut = RenderNode(node, SentAt.AddHours(50));

        cut.Find("[data-testid=node-reminded]").TextContent.ShouldBe("Pengingat terkirim 24 November 2026 15.00 WIB");
        cut.Find("[data-testid=node-escalated]").TextContent.ShouldBe("Dieskalasi ke pemberi 25 November 2026 10.00 WIB");
        cut.Find("[data-testid=disposition-node]").GetAttribute("data-state").ShouldBe(nameof(NodeState.Overdue));
    }

    [Fact]
    public void The_lines_read_in_English_and_a_node_never_reminded_shows_neither()
    {
        UseEnglish();
        var reminded = Node();
        reminded.Remind(SentAt.AddHours(30));

        RenderNode(reminded, SentAt.AddHours(31)).Find("[data-testid=node-reminded]").TextContent.ShouldStartWith("Reminder sent ");
        var fresh = RenderNode(Node(), SentAt.AddHours(1));
        fresh.FindAll("[data-testid=node-reminded]").ShouldBeEmpty();
        fresh.FindAll("[data-testid=node-escalated]").ShouldBeEmpty();
    }
}
