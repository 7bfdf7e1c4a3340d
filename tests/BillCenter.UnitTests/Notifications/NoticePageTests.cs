using BillCenter.Modules.Notifications.Pages.Notices;

namespace BillCenter.UnitTests.Notifications;

/// <summary>The arithmetic of /notices' pages: 20 a page, newest first, never fewer than one page.</summary>
public class NoticePageTests
{
    [Theory]
    [InlineData(0, 1, 1, false, false)]
    [InlineData(20, 1, 1, false, false)]
    [InlineData(21, 1, 2, false, true)]
    [InlineData(21, 2, 2, true, false)]
    [InlineData(45, 2, 3, true, true)]
    public void Given_a_total_and_a_page_Then_the_page_count_and_the_links_follow(int total, int number, int pageCount, bool hasNewer, bool hasOlder)
    {
        var page = new IndexModel.NoticePage([], number, total);

        Assert.Equal(20, IndexModel.NoticePage.Size);
        Assert.Equal(pageCount, page.PageCount);
        Assert.Equal(hasNewer, page.HasNewer);
        Assert.Equal(hasOlder, page.HasOlder);
    }
}
