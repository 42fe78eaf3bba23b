package io.assay.coord.share;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShareCsvReaderTest {

    static ShareTable read(ShareCsvFormat f, String csv) throws Exception {
        return new ShareCsvReader(f).read(new StringReader(csv));
    }

    @Test
    void readsCooRTweetsLayoutInAnyColumnOrder() throws Exception {
        ShareTable t = read(ShareCsvFormat.COORTWEET, "account_id,timestamp_share,object_id,content_id,extra\nu1,100,o1,c1,z\nu2,105,,c2,z\nu3,101,o1,c3,z\n");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.share(1)).isEqualTo(new Share("", "u3", "o1", "c3", 101_000, ""));
    }

    @Test
    void readsAssaysLayoutWithQuotingIsoTimesAndUrls() throws Exception {
        ShareTable t = read(ShareCsvFormat.ASSAY, """
                platform,account,time,url,label,content
                tw,alice,2024-05-01T10:00:00Z,"https://www.example.org/a/?utm_source=x&id=3#top",ai-generated,"post, 1"
                fb,bob,1714557605.5,http://example.org/a?id=3,,
                """);
        assertThat(t.share(0)).isEqualTo(new Share("tw", "alice", "url:example.org/a?id=3", "post, 1", 1714557600000L, "ai-generated"));
        assertThat(t.share(1).object()).isEqualTo("url:example.org/a?id=3");
        assertThat(t.share(1).epochMillis()).isEqualTo(1714557605500L);
        assertThat(t.accounts().name(t.account(1))).isEqualTo("fb:bob");
    }

    @Test
    void mediaHashesWithinPdqDistanceAreOneObject() throws Exception {
        String h = "f".repeat(64);
        String near = "0" + "f".repeat(63);
        String far = "0".repeat(64);
        ShareTable t = read(ShareCsvFormat.ASSAY, "account,time,media_hash\na,1," + h + "\nb,2," + near + "\nc,3," + far + "\n");
        assertThat(t.object(0)).isEqualTo(t.object(1));
        assertThat(t.object(2)).isNotEqualTo(t.object(0));
    }

    @Test
    void nearDuplicateTextsAreOneObject() throws Exception {
        String a = "Breaking: the ballots in district nine were burned last night, share before they delete this!";
        String b = "BREAKING - the ballots in district nine were burned last night... share before they delete this @someone";
        String c = "Polling stations open at eight tomorrow morning, bring your identity card and voting letter.";
        ShareTable t = read(ShareCsvFormat.ASSAY, "account,time,text\na,1,\"" + a + "\"\nb,2,\"" + b + "\"\nc,3,\"" + c + "\"\n");
        assertThat(t.object(0)).isEqualTo(t.object(1));
        assertThat(t.object(2)).isNotEqualTo(t.object(0));
    }

    @Test
    void badRowsNameTheirLine() {
        assertThatThrownBy(() -> read(ShareCsvFormat.COORTWEET, "object_id,account_id,content_id,timestamp_share\no,a,c,1\no,a,c,yesterday\n"))
                .isInstanceOf(ShareCsvException.class).hasMessage("line 3: timestamp_share 'yesterday' is not Unix seconds");
        assertThatThrownBy(() -> read(ShareCsvFormat.COORTWEET, "object_id,account_id,timestamp_share\n"))
                .hasMessageStartingWith("line 1: missing column 'content_id'");
        assertThatThrownBy(() -> read(ShareCsvFormat.ASSAY, "account,time,object\na,1,o\n,2,o\n"))
                .hasMessage("line 3: empty 'account'");
        assertThatThrownBy(() -> read(ShareCsvFormat.ASSAY, "account,time,object\na,1,o\nb,2\n"))
                .hasMessage("line 3: only 2 fields, no 'object'");
        assertThatThrownBy(() -> read(ShareCsvFormat.ASSAY, "account,time,object\na,1,\"o\n"))
                .hasMessage("line 2: unterminated quoted field");
        assertThatThrownBy(() -> new ShareCsvReader(ShareCsvFormat.ASSAY, 1).read(new StringReader("account,time,object\na,1,o\nb,1,o\n")))
                .hasMessage("line 3: more than 1 rows");
    }

    @Test
    void plainDecimalSecondsParseLikeDoubles() {
        for (String v : new String[] {"0", "1714557605", "1714557605.5", "1714557605.0004", "1714557605.9996", "12.3"}) {
            assertThat(ShareCsvReader.plainDecimalMillis(v)).as(v).isEqualTo(Math.round(Double.parseDouble(v) * 1000));
        }
        for (String v : new String[] {"", ".5", "5.", "-5", "1e3", "12:00", "1234567890123456"}) {
            assertThat(ShareCsvReader.plainDecimalMillis(v)).as(v).isEqualTo(Long.MIN_VALUE);
        }
    }

    @Test
    void urlRules() {
        UrlNormalizer n = new UrlNormalizer();
        assertThat(n.normalize("https://youtu.be/abc123?si=xyz")).contains("youtube.com/watch?v=abc123");
        assertThat(n.normalize("http://M.Example.COM:80/path/?b=2&a=1&fbclid=zz")).contains("example.com/path?a=1&b=2");
        assertThat(n.normalize("https://example.com:8443/x")).contains("example.com:8443/x");
        assertThat(n.normalize("example.com/x?utm_medium=social")).contains("example.com/x");
        assertThat(n.normalize("javascript:alert(1)")).isEmpty();
        assertThat(n.normalize("https://bit.ly/3abc")).contains("bit.ly/3abc");
        assertThat(List.of(n.normalize("https://www.youtube.com/shorts/q1").orElseThrow())).containsExactly("youtube.com/watch?v=q1");
    }
}
