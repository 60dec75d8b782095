package org.lrplayground.playground;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BrokenEscapesFilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            steps=%zz&run=sgd                  | steps=%25zz&run=sgd
            run=sgd&steps=%4                   | run=sgd&steps=%254
            f=x%C3%28&run=sgd                  | f=x%25C3%2528&run=sgd
            run=sgd&%                          | run=sgd&%25
            f=x%5E2%2By&run=adam:lr=0.1        | f=x%5E2%2By&run=adam:lr=0.1
            lesson=caf%C3%A9&run=sgd           | lesson=caf%C3%A9&run=sgd
            """)
    void onlyPartsThatDoNotDecodeAreMadeLiteral(String query, String mended) {
        assertThat(BrokenEscapesFilter.mend(query)).isEqualTo(mended);
    }

    @Test
    void aPageRequestWithABrokenEscapeIsRedirectedToTheMendedQuery() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setQueryString("surface=booth&steps=%zz");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new BrokenEscapesFilter().doFilter(request, response, chain);

        assertThat(response.getRedirectedUrl()).isEqualTo("/?surface=booth&steps=%25zz");
        assertThat(chain.getRequest()).as("the request goes no further").isNull();
    }

    @Test
    void soundQueriesAndTheApiPassThrough() throws Exception {
        for (String[] pathAndQuery : new String[][] {{"/", "surface=booth&run=sgd"}, {"/api/runs", "steps=%zz"}}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", pathAndQuery[0]);
            request.setQueryString(pathAndQuery[1]);
            MockFilterChain chain = new MockFilterChain();

            new BrokenEscapesFilter().doFilter(request, new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).as(pathAndQuery[0]).isSameAs(request);
        }
    }
}
