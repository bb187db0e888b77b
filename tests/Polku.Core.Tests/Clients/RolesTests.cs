using System.Text.RegularExpressions;
using Polku.Core.Identity;

namespace Polku.Core.Tests.Clients;

public class RolesTests
{
    [Fact]
    public void Pattern_MatchesEveryRole_AndNothingElse()
    {
        Assert.All(Roles.All, r => Assert.Matches(Roles.Pattern, r));
        Assert.DoesNotMatch(Roles.Pattern, "Superuser");
        Assert.DoesNotMatch(Roles.Pattern, "ClientX");
        Assert.DoesNotMatch(Roles.Pattern, "");
        Assert.Equal(6, Roles.All.Distinct().Count());
        Assert.Equal(Roles.All.Count, Regex.Count(Roles.Pattern, @"\|") + 1);
    }
}
