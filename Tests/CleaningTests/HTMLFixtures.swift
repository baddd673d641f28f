/// Small news pages written for the tests: each exercises one thing a real site does.
enum HTMLFixtures {
    static let newsArticle = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Harbour bridge reopens after repairs | The Daily Example</title>
          <meta property="og:title" content="Harbour bridge reopens after two years of repairs">
          <meta property="og:site_name" content="The Daily Example">
          <meta property="article:section" content="Local">
          <meta property="article:tag" content="Transport">
          <meta property="article:tag" content="Infrastructure">
          <link rel="canonical" href="https://example.com/2024/03/05/harbour-bridge-reopens">
          <script type="application/ld+json">
          {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": "The Daily Example"},
            {"@type": "NewsArticle", "headline": "Harbour bridge reopens after two years of repairs",
             "datePublished": "2024-03-05T08:30:00+00:00",
             "author": [{"@type": "Person", "name": "Jane Doe"}]}
          ]}
          </script>
        </head>
        <body>
          <div id="cookie-consent">Our website uses cookies. By clicking "Accept" you consent to our use of cookies.</div>
          <header class="site-header"><a href="/">The Daily Example</a></header>
          <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
          <main>
            <article class="story">
              <h1>Harbour bridge reopens after two years of repairs</h1>
              <div class="byline">By Jane Doe</div>
              <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
              <div class="story-body">
                <p>The harbour bridge reopened to traffic on Tuesday morning, two years after engineers closed it to replace corroded steel cables, the city council said.</p>
                <p>About 40,000 vehicles a day crossed the bridge before it closed, and traffic on the ring road has doubled since, according to council figures published last month.</p>
                <h2>What changed</h2>
                <p>Engineers replaced 120 cables, resurfaced the deck, and added a protected cycle lane on the eastern side, at a cost of 85 million euros.</p>
                <ul><li>New cables on both spans</li><li>A protected cycle lane</li><li>Wider footpaths</li></ul>
                <blockquote><p>We are proud to give the city its bridge back, safer than ever, said the council leader.</p></blockquote>
                <p>Residents who live near the bridge welcomed the reopening, though some said the works had taken far longer than promised, and that the detours had hurt local shops.</p>
              </div>
            </article>
            <aside class="related-stories">
              <h3>Related</h3>
              <ul>
                <li><a href="/a">Ring road traffic doubles during bridge works</a></li>
                <li><a href="/b">Council approves bridge repair budget</a></li>
                <li><a href="/c">Cyclists call for safer crossings</a></li>
              </ul>
            </aside>
            <section id="comments" class="comments-area">
              <h3>Leave a Reply</h3>
              <p>Your email address will not be published. Required fields are marked *</p>
              <div class="comment"><p>Finally! It took them long enough, I have been waiting for this for years.</p></div>
            </section>
          </main>
          <footer><p>© 2024 The Daily Example. All rights reserved.</p></footer>
        </body>
        </html>
        """

    static let titleOnly = """
        <html><head><title>Storm leaves thousands without power along the coast - Example News</title></head>
        <body><div class="content">
        <p class="meta">Published March 3, 2024 · 5 min read</p>
        <p>A storm swept along the coast overnight, bringing down power lines and leaving thousands of homes without electricity, the utility company said on Sunday.</p>
        <p>Crews worked through the night to restore supply, and most customers should be reconnected by the evening, the company added in a statement to reporters.</p>
        <p>Forecasters expect calmer weather for the rest of the week, though another band of rain is likely to arrive from the west on Friday and Saturday.</p>
        </div></body></html>
        """

    static let markdownPage = """
        <html><head><title>A guide to the new bridge</title></head><body><article>
        <h2>Getting there</h2>
        <p>The bridge is open to cars, bikes and pedestrians, and the <a href="https://example.com/map">route map</a> shows every access point along both banks of the river.</p>
        <ol><li>Take the ring road</li><li>Follow the signs to the harbour</li></ol>
        <p>Parking is free for the first month, and buses run every ten minutes from the central station during the day, the operator has confirmed to passengers.</p>
        </article></body></html>
        """
}
